import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from './business-days';
import { tokyoDate } from './tokyo-calendar';

const jst = (local: string) => new Date(`${local}+09:00`);

describe('Japanese business days', () => {
  it('skips weekends, national holidays and 年末年始', () => {
    expect(isBusinessDay('2026-12-02')).toBe(true); // Wednesday
    expect(isBusinessDay('2026-12-05')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-23')).toBe(false); // 勤労感謝の日
    expect(isBusinessDay('2026-12-29')).toBe(false);
    expect(isBusinessDay('2027-01-04')).toBe(true);
    expect(isBusinessDay('2026-05-06')).toBe(false); // 振替休日 (憲法記念日 on Sunday)
  });

  it('counts two business days across 年末年始 from Monday 28 December to Tuesday 5 January', () => {
    const due = addBusinessDays(jst('2026-12-28T10:00:00'), 2);
    expect(tokyoDate(due)).toBe('2027-01-05');
    expect(due.toISOString()).toBe(jst('2027-01-05T10:00:00').toISOString());
  });

  it('counts across Golden Week: Thursday 30 April 2026 + 2 is Thursday 7 May', () => {
    // 5/1 Fri is a working day; 5/2–5/6 weekend, 憲法記念日, みどりの日, こどもの日, 振替休日.
    expect(tokyoDate(addBusinessDays(jst('2026-04-30T09:00:00'), 2))).toBe('2026-05-07');
    expect(tokyoDate(addBusinessDays(jst('2026-04-30T09:00:00'), 3))).toBe('2026-05-08');
  });

  it('lands on a working day when sent on a holiday, and counts elapsed days', () => {
    expect(tokyoDate(addBusinessDays(jst('2026-12-05T15:00:00'), 0))).toBe('2026-12-07');
    expect(tokyoDate(addBusinessDays(jst('2026-12-05T15:00:00'), 1))).toBe('2026-12-07');
    expect(tokyoDate(addBusinessDays(jst('2026-12-05T15:00:00'), 2))).toBe('2026-12-08');
    expect(businessDaysBetween(jst('2026-12-25T10:00:00'), jst('2027-01-05T10:00:00'))).toBe(3); // 12/28, 1/4, 1/5
    expect(() => addBusinessDays(new Date(), -1)).toThrow(RangeError);
  });
});
