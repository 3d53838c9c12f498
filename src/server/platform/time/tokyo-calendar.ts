/**
 * Calendar days and months in Japan, where the ward's days, months and fiscal years (April–March)
 * are counted. Japan has no daylight saving time: an instant's Tokyo date is always UTC + 9 h.
 */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The calendar date in Japan (YYYY-MM-DD) of an instant. */
export function tokyoDate(at: Date): string {
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar month in Japan (YYYY-MM) of an instant. */
export function tokyoMonth(at: Date): string {
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 7);
}

/** The instant a Tokyo month (YYYY-MM) begins. */
export function tokyoMonthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+09:00`);
}

/** The month after a YYYY-MM. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The twelve months (YYYY-MM) of the fiscal year that begins in April of `startYear`. */
export function fiscalYearMonths(startYear: number): string[] {
  const months = [`${startYear}-04`];
  while (months.length < 12) months.push(nextMonth(months[months.length - 1] as string));
  return months;
}
