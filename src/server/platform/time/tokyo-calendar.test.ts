import { describe, expect, it } from 'vitest';
import { fiscalYearMonths, nextMonth, tokyoDate, tokyoMonth, tokyoMonthStart } from './tokyo-calendar';

describe('the Tokyo calendar', () => {
  it('reads the day and month of an instant nine hours ahead of UTC', () => {
    expect(tokyoDate(new Date('2026-03-31T14:59:59.999Z'))).toBe('2026-03-31');
    expect(tokyoDate(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
    expect(tokyoMonth(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01');
  });

  it('starts a month at Tokyo midnight and steps over the year end', () => {
    expect(tokyoMonthStart('2026-04').toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-09')).toBe('2026-10');
  });

  it('lists the twelve months of a fiscal year, April to March', () => {
    const months = fiscalYearMonths(2025);
    expect(months).toHaveLength(12);
    expect([months[0], months[8], months[9], months[11]]).toEqual([
      '2025-04',
      '2025-12',
      '2026-01',
      '2026-03',
    ]);
  });
});
