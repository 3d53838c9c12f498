import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../contracts/directory';
import { dayFacts, formatClock, isOpenAt, parseOpenAt, toHoursRows, tokyoMoment } from './opening-hours';

const clinic: OpeningHours = {
  weekly: [
    { day: 1, open: '09:00', close: '12:30' },
    { day: 1, open: '15:00', close: '18:00' },
    { day: 4, open: '09:00', close: '12:30' },
    { day: 6, open: '09:00', close: '13:00' },
  ],
  closures: [{ weekday: 6, nth: [2, 4] }],
  closedOnHolidays: true,
  closedYearEnd: true,
  note: '木曜午後・日曜・祝日休診、第2・第4土曜休診',
};

const nightPharmacy: OpeningHours = {
  weekly: [{ day: 5, open: '20:00', close: '02:00' }],
  closures: [],
  closedOnHolidays: true,
  closedYearEnd: false,
  note: null,
};

const tokyo = (local: string) => new Date(`${local}+09:00`);

describe('opening hours', () => {
  it('stores a closing time at or before the opening time as the next day', () => {
    expect(toHoursRows(nightPharmacy.weekly)).toEqual([
      { day: 5, open_minute: 1200, close_minute: 1560, note: null },
    ]);
    expect(toHoursRows([{ day: 0, open: '00:00', close: '24:00' }])[0]?.close_minute).toBe(1440);
    expect(formatClock(1560)).toBe('02:00');
    expect(formatClock(1440)).toBe('24:00');
  });

  it('reads an openAt without offset as Tokyo time and one with Z as UTC', () => {
    expect(parseOpenAt('2026-03-02T10:00').toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(parseOpenAt('2026-03-02T01:00:00Z').toISOString()).toBe('2026-03-02T01:00:00.000Z');
  });

  it('evaluates the moment in Tokyo, not in UTC', () => {
    // 2026-03-01 23:30 UTC is Monday 2026-03-02 08:30 in Tokyo.
    const moment = tokyoMoment(new Date('2026-03-01T23:30:00Z'));
    expect(moment.today.date).toBe('2026-03-02');
    expect(moment.today.weekday).toBe(1);
    expect(moment.minute).toBe(510);
  });

  it('is open in the morning and afternoon sessions and closed at lunch', () => {
    expect(isOpenAt(clinic, tokyo('2026-03-02T10:00:00'))).toBe(true);
    expect(isOpenAt(clinic, tokyo('2026-03-02T13:00:00'))).toBe(false);
    expect(isOpenAt(clinic, tokyo('2026-03-02T17:59:00'))).toBe(true);
    expect(isOpenAt(clinic, tokyo('2026-03-02T18:00:00'))).toBe(false);
  });

  it('is closed on Thursday afternoon (木曜午後休診)', () => {
    expect(isOpenAt(clinic, tokyo('2026-03-05T10:00:00'))).toBe(true);
    expect(isOpenAt(clinic, tokyo('2026-03-05T15:00:00'))).toBe(false);
  });

  it('is closed on the second and fourth Saturday only', () => {
    expect(dayFacts('2026-03-14').nth).toBe(2);
    expect(isOpenAt(clinic, tokyo('2026-03-07T10:00:00'))).toBe(true);
    expect(isOpenAt(clinic, tokyo('2026-03-14T10:00:00'))).toBe(false);
    expect(isOpenAt(clinic, tokyo('2026-03-21T10:00:00'))).toBe(true);
    expect(isOpenAt(clinic, tokyo('2026-03-28T10:00:00'))).toBe(false);
  });

  it('is closed on a national holiday that falls on a working day', () => {
    // 2026-05-04 (Mon) is みどりの日.
    expect(dayFacts('2026-05-04').holiday).toBe(true);
    expect(isOpenAt(clinic, tokyo('2026-05-04T10:00:00'))).toBe(false);
    expect(isOpenAt(clinic, tokyo('2026-05-11T10:00:00'))).toBe(true);
  });

  it('is closed at the year end when it says so', () => {
    // 2029-12-31 is a Monday.
    expect(isOpenAt(clinic, tokyo('2029-12-31T10:00:00'))).toBe(false);
    expect(isOpenAt({ ...clinic, closedYearEnd: false }, tokyo('2029-12-31T10:00:00'))).toBe(true);
  });

  it('stays open past midnight into the next day', () => {
    // Friday 2026-03-06 20:00 → Saturday 02:00.
    expect(isOpenAt(nightPharmacy, tokyo('2026-03-06T23:30:00'))).toBe(true);
    expect(isOpenAt(nightPharmacy, tokyo('2026-03-07T01:30:00'))).toBe(true);
    expect(isOpenAt(nightPharmacy, tokyo('2026-03-07T02:00:00'))).toBe(false);
    expect(isOpenAt(nightPharmacy, tokyo('2026-03-06T19:59:00'))).toBe(false);
  });

  it('does not open a night shift that starts on a holiday', () => {
    // 2026-02-11 (Wednesday) is 建国記念の日: its 20:00–02:00 shift does not run into Thursday.
    const wednesdayNight = { ...nightPharmacy, weekly: [{ day: 3, open: '20:00', close: '02:00' }] };
    expect(isOpenAt(wednesdayNight, tokyo('2026-02-12T01:00:00'))).toBe(false);
    expect(isOpenAt(wednesdayNight, tokyo('2026-02-19T01:00:00'))).toBe(true);
  });
});
