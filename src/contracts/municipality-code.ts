/**
 * 全国地方公共団体コード: 5 digits plus a check digit (総務省). For d1..d5,
 * s = 6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5 and check = (11 − s mod 11) mod 10.
 */
export function municipalityCheckDigit(fiveDigits: string): number {
  if (!/^\d{5}$/.test(fiveDigits)) throw new Error('expected 5 digits');
  const s = [...fiveDigits].reduce((sum, d, i) => sum + Number(d) * (6 - i), 0);
  return (11 - (s % 11)) % 10;
}

/** True when the code is 6 digits with the right check digit. */
export function isValidMunicipalityCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

/** 5-digit form (N03, Japan Post) → 6-digit form with check digit. */
export function toSixDigitCode(fiveDigits: string): string {
  return `${fiveDigits}${municipalityCheckDigit(fiveDigits)}`;
}
