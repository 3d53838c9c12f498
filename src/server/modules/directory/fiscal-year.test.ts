import { describe, expect, it } from 'vitest';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange, monthLabel } from './fiscal-year';

describe('fiscal years', () => {
  it('starts a fiscal year in April', () => {
    expect(fiscalYearOf('2024-03-31')).toBe(2023);
    expect(fiscalYearOf('2024-04-01')).toBe(2024);
    expect(fiscalYearRange(2024)).toEqual({ from: '2024-04-01', to: '2025-03-31' });
  });

  it('labels fiscal years in the Japanese era, FY2019 as 令和元年度', () => {
    expect(fiscalYearLabel(2019)).toBe('令和元年度');
    expect(fiscalYearLabel(2023)).toBe('令和5年度');
    expect(fiscalYearLabel(2024)).toBe('令和6年度');
    expect(fiscalYearLabel(2018)).toBe('平成30年度');
    expect(fiscalYearLabel(1989)).toBe('平成元年度');
  });

  it('labels months by the era of that month', () => {
    expect(monthLabel('2019-04')).toBe('平成31年4月');
    expect(monthLabel('2019-05')).toBe('令和元年5月');
    expect(monthLabel('2025-01')).toBe('令和7年1月');
  });
});
