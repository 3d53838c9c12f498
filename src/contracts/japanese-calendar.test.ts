import { describe, expect, it } from 'vitest';
import {
  eraOf,
  fiscalYearOf,
  formatFiscalYear,
  formatJapaneseDate,
  parseFiscalYearLabel,
  parseJapaneseDate,
  parseJapaneseDateRange,
} from './japanese-calendar';

describe('parseJapaneseDate', () => {
  it.each([
    ['令和 02年05月01日', '2020-05-01', 'day'],
    ['令4. 10. 5', '2022-10-05', 'day'],
    ['R6.4.1', '2024-04-01', 'day'],
    ['r6.4.1', '2024-04-01', 'day'],
    ['Ｒ６．４．１', '2024-04-01', 'day'],
    ['令和元年5月1日', '2019-05-01', 'day'],
    ['平成31年4月30日', '2019-04-30', 'day'],
    ['H31', '2019-01-01', 'year'],
    ['平成元年1月8日', '1989-01-08', 'day'],
    ['昭和64年1月7日', '1989-01-07', 'day'],
    ['S50.3', '1975-03-01', 'month'],
    ['大正元年7月30日', '1912-07-30', 'day'],
    ['明治元年', '1868-01-01', 'year'],
    ['令和２年１０月１日', '2020-10-01', 'day'],
    ['2024/4/1', '2024-04-01', 'day'],
    ['2024年4月1日', '2024-04-01', 'day'],
    ['2024-04-01', '2024-04-01', 'day'],
  ])('reads %s as %s', (text, iso, precision) => {
    expect(parseJapaneseDate(text)).toEqual({ iso, precision });
  });

  it('accepts a date written in an era that had already ended, because its meaning is clear', () => {
    expect(parseJapaneseDate('H31.5.1')?.iso).toBe('2019-05-01');
  });

  it.each([
    '令和元年4月1日',
    '平成元年1月7日',
    '令和2年2月30日',
    '令和0年1月1日',
    '来年4月',
    '',
    'R',
    '2024/13/1',
  ])('refuses %j', (text) => {
    expect(parseJapaneseDate(text)).toBeUndefined();
  });
});

describe('parseJapaneseDateRange', () => {
  it('reads a range joined by a wave dash or a full-width tilde', () => {
    expect(parseJapaneseDateRange('令和6年4月1日～令和7年3月31日')).toEqual({
      from: { iso: '2024-04-01', precision: 'day' },
      to: { iso: '2025-03-31', precision: 'day' },
    });
    expect(parseJapaneseDateRange('R6.4.1〜R6.4.30')?.to?.iso).toBe('2024-04-30');
  });

  it('reads an open-ended range and refuses one that runs backwards', () => {
    expect(parseJapaneseDateRange('R6.4.1～')).toEqual({ from: { iso: '2024-04-01', precision: 'day' } });
    expect(parseJapaneseDateRange('R7.4.1～R6.4.1')).toBeUndefined();
  });
});

describe('formatJapaneseDate and eras', () => {
  it('names the first year of an era 元年', () => {
    expect(formatJapaneseDate('2019-05-01')).toBe('令和元年5月1日');
    expect(formatJapaneseDate('2019-04-30')).toBe('平成31年4月30日');
    expect(formatJapaneseDate('2024-04-01')).toBe('令和6年4月1日');
  });

  it('knows the day each era began', () => {
    expect(eraOf('1989-01-07')?.name).toBe('昭和');
    expect(eraOf('1989-01-08')?.name).toBe('平成');
    expect(eraOf('1926-12-24')?.name).toBe('大正');
    expect(eraOf('1926-12-25')?.name).toBe('昭和');
  });
});

describe('fiscal years', () => {
  it('runs from April to March', () => {
    expect(fiscalYearOf('2025-03-31')).toBe(2024);
    expect(fiscalYearOf('2025-04-01')).toBe(2025);
  });

  it('uses the Tokyo date of an instant', () => {
    // 2025-03-31T15:30Z is already April 1 in Tokyo.
    expect(fiscalYearOf(new Date('2025-03-31T15:30:00Z'))).toBe(2025);
    expect(fiscalYearOf(new Date('2025-03-31T14:30:00Z'))).toBe(2024);
  });

  it('labels FY2019 令和元年度 although April 1, 2019 was still 平成', () => {
    expect(formatFiscalYear(2019)).toBe('令和元年度');
    expect(formatFiscalYear(2018)).toBe('平成30年度');
    expect(formatFiscalYear(2020)).toBe('令和2年度');
    expect(formatFiscalYear(2024)).toBe('令和6年度');
    expect(formatFiscalYear(1989)).toBe('平成元年度');
  });

  it('reads fiscal-year labels back', () => {
    expect(parseFiscalYearLabel('令和元年度')).toBe(2019);
    expect(parseFiscalYearLabel('令和6年度')).toBe(2024);
    expect(parseFiscalYearLabel('R6年度')).toBe(2024);
    expect(parseFiscalYearLabel('平成30年度')).toBe(2018);
    expect(parseFiscalYearLabel('2024年度')).toBe(2024);
    expect(parseFiscalYearLabel('令和6年')).toBeUndefined();
  });

  it('round-trips every fiscal year from 1990 to 2060 through its label', () => {
    for (let fy = 1990; fy <= 2060; fy++) expect(parseFiscalYearLabel(formatFiscalYear(fy))).toBe(fy);
  });
});
