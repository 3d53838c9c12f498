import { describe, expect, it } from 'vitest';
import { isValidMunicipalityCode, municipalityCheckDigit, toSixDigitCode } from './municipality-code';

describe('全国地方公共団体コード', () => {
  it('accepts the known codes with their check digits', () => {
    for (const code of ['131105', '011002', '402052', '372013'])
      expect(isValidMunicipalityCode(code)).toBe(true);
  });
  it('rejects a wrong check digit, wrong length and non-digits', () => {
    expect(isValidMunicipalityCode('131106')).toBe(false);
    expect(isValidMunicipalityCode('13110')).toBe(false);
    expect(isValidMunicipalityCode('１３１１０５')).toBe(false);
  });
  it('adds the check digit to the 5-digit form used by N03 and Japan Post', () => {
    expect(toSixDigitCode('13110')).toBe('131105');
    expect(municipalityCheckDigit('01100')).toBe(2);
  });
});
