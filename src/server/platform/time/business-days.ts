import holidayJp from '@holiday-jp/holiday_jp';

import { tokyoDate } from './tokyo-calendar';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a Japan calendar date is a working day for the ward and the hospitals: not a Saturday or
 * Sunday, not a national holiday (振替休日 and 国民の休日 included, from @holiday-jp/holiday_jp), and not
 * in 年末年始 (29 December – 3 January), when ward offices and most clinics close.
 */
export function isBusinessDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  if (date in holidayJp.holidays) return false;
  const monthDay = date.slice(5);
  return !(monthDay >= '12-29' || monthDay <= '01-03');
}

/**
 * The instant `days` business days after `from`, at the same Japan time of day: a notice sent on
 * Monday 28 December 2026 at 10:00 with 2 business days is due Tuesday 5 January at 10:00. The n-th
 * working day strictly after `from` (0: `from` itself when a working day, else the next one).
 */
export function addBusinessDays(from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`business days must be a whole number ≥ 0: ${days}`);
  let at = from.getTime();
  let left = days;
  while (left > 0 || !isBusinessDay(tokyoDate(new Date(at)))) {
    at += DAY_MS;
    if (isBusinessDay(tokyoDate(new Date(at)))) left--;
  }
  return new Date(at);
}

/** Whole business days from `from` to `to` (0 when `to` is not later), counting the days crossed. */
export function businessDaysBetween(from: Date, to: Date): number {
  let count = 0;
  for (let at = from.getTime() + DAY_MS; at <= to.getTime(); at += DAY_MS) {
    if (isBusinessDay(tokyoDate(new Date(at)))) count++;
  }
  return count;
}
