import holidayJp from '@holiday-jp/holiday_jp';
import type { OpeningHours, WeeklyHours } from '../../../contracts/directory';

/** Japan has no daylight saving time: Tokyo is always UTC+9. */
const TOKYO_OFFSET_MS = 9 * 3_600_000;
const MINUTES_PER_DAY = 1440;

export function parseClock(value: string): number {
  const [h, m] = value.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Minutes (possibly past 24:00) → `HH:MM` on the clock. */
export function formatClock(minutes: number): string {
  const m = minutes === MINUTES_PER_DAY ? MINUTES_PER_DAY : minutes % MINUTES_PER_DAY;
  if (m === MINUTES_PER_DAY) return '24:00';
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export type HoursRow = { day: number; open_minute: number; close_minute: number; note: string | null };

/** Contract rows → stored rows: a closing time at or before the opening time is on the next day. */
export function toHoursRows(weekly: WeeklyHours[]): HoursRow[] {
  const rows = new Map<string, HoursRow>();
  for (const w of weekly) {
    const open = parseClock(w.open);
    if (open >= MINUTES_PER_DAY) continue;
    let close = parseClock(w.close);
    if (close <= open) close += MINUTES_PER_DAY;
    rows.set(`${w.day}:${open}`, {
      day: w.day,
      open_minute: open,
      close_minute: close,
      note: w.note ?? null,
    });
  }
  return [...rows.values()].sort((a, b) => a.day - b.day || a.open_minute - b.open_minute);
}

export function fromHoursRows(rows: HoursRow[]): WeeklyHours[] {
  return rows.map((r) => ({
    day: r.day,
    open: formatClock(r.open_minute),
    close: formatClock(r.close_minute),
    ...(r.note ? { note: r.note } : {}),
  }));
}

/**
 * How a facility row stores its hours and 第n closures (facilities.hours_* and nth_closures):
 * parallel arrays, one element per shift in (day, open) order, and weekday × 10 + n per closure.
 */
export type HoursColumns = {
  hours_day: number[];
  hours_open: number[];
  hours_close: number[];
  /** Empty when no shift has a note. */
  hours_shift_notes: Array<string | null>;
  nth_closures: number[];
};

/** Stored rows (any order) and closures → the facility's columns. */
export function hoursColumns(
  rows: readonly HoursRow[],
  closures: ReadonlyArray<{ weekday: number; nth: readonly number[] }>,
): HoursColumns {
  const sorted = [...rows].sort((a, b) => a.day - b.day || a.open_minute - b.open_minute);
  const noted = sorted.some((r) => r.note !== null);
  return {
    hours_day: sorted.map((r) => r.day),
    hours_open: sorted.map((r) => r.open_minute),
    hours_close: sorted.map((r) => r.close_minute),
    hours_shift_notes: noted ? sorted.map((r) => r.note) : [],
    nth_closures: [...new Set(closures.flatMap((c) => c.nth.map((n) => closureCode(c.weekday, n))))].sort(
      (a, b) => a - b,
    ),
  };
}

/** The stored columns → rows (the inverse of hoursColumns for the shifts). */
export function hoursRowsOf(columns: Omit<HoursColumns, 'nth_closures'>): HoursRow[] {
  return columns.hours_day.map((day, i) => ({
    day,
    open_minute: columns.hours_open[i] ?? 0,
    close_minute: columns.hours_close[i] ?? 0,
    note: columns.hours_shift_notes[i] ?? null,
  }));
}

/** How nth_closures stores 第n (1–5) of a weekday: 第2土曜 = 62. */
export function closureCode(weekday: number, nth: number): number {
  return weekday * 10 + nth;
}

/** Stored closure codes → (weekday, n) pairs. */
export function closuresOf(codes: readonly number[]): Array<{ weekday: number; nth: number }> {
  return codes.map((code) => ({ weekday: Math.floor(code / 10), nth: code % 10 }));
}

/** `2026-01-05T10:00` (no offset) is Tokyo time; with an offset or Z it is that instant. */
export function parseOpenAt(value: string): Date {
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  return new Date(hasOffset ? value : `${value}+09:00`);
}

export type DayFacts = {
  /** 'YYYY-MM-DD' in Tokyo. */
  date: string;
  weekday: number;
  /** Which occurrence of this weekday in the month (1–5): 第n. */
  nth: number;
  holiday: boolean;
  /** 12/29–1/3. */
  yearEnd: boolean;
};

export function dayFacts(date: string): DayFacts {
  const d = new Date(`${date}T00:00:00Z`);
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return {
    date,
    weekday: d.getUTCDay(),
    nth: Math.ceil(day / 7),
    holiday: date in holidayJp.holidays,
    yearEnd: (month === 12 && day >= 29) || (month === 1 && day <= 3),
  };
}

/** The Tokyo day and minute of an instant, and the facts of that day and the day before. */
export function tokyoMoment(instant: Date): { today: DayFacts; yesterday: DayFacts; minute: number } {
  const local = new Date(instant.getTime() + TOKYO_OFFSET_MS);
  const today = local.toISOString().slice(0, 10);
  const yesterday = new Date(local.getTime() - 86_400_000).toISOString().slice(0, 10);
  return {
    today: dayFacts(today),
    yesterday: dayFacts(yesterday),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** Whether the facility does not open at all on that day (holiday, 年末年始, 第n曜日 closure). */
export function isClosedDay(hours: OpeningHours, day: DayFacts): boolean {
  if (hours.closedOnHolidays && day.holiday) return true;
  if (hours.closedYearEnd && day.yearEnd) return true;
  return hours.closures.some((c) => c.weekday === day.weekday && c.nth.includes(day.nth));
}

/**
 * Open at the instant: a row of today covering the minute, or a row of yesterday running past
 * midnight into it. A shift that starts on a closed day does not open at all.
 */
export function isOpenAt(hours: OpeningHours, instant: Date): boolean {
  const { today, yesterday, minute } = tokyoMoment(instant);
  const rows = toHoursRows(hours.weekly);
  const todayOpen =
    !isClosedDay(hours, today) &&
    rows.some((r) => r.day === today.weekday && r.open_minute <= minute && minute < r.close_minute);
  if (todayOpen) return true;
  return (
    !isClosedDay(hours, yesterday) &&
    rows.some((r) => r.day === yesterday.weekday && minute + MINUTES_PER_DAY < r.close_minute)
  );
}
