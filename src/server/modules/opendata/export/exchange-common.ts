import { createHash } from 'node:crypto';
import type { ExportFacility } from './export-source';

/**
 * A stable UUID for a derived record (the service, location, address … of a facility): the same
 * facility always gives the same ids, so consumers can sync exports. Name-based like RFC 4122 v5.
 */
export function stableUuid(...parts: string[]): string {
  const hash = createHash('sha1').update(parts.join('\u0000')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const ICAL_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export const FHIR_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function clock(minutes: number): string {
  const m = minutes === 1440 ? 1440 : minutes % 1440;
  if (m === 1440) return '24:00';
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** One opening pattern: the same hours on a set of weekdays, some of them only on certain weeks. */
export type OpeningGroup = {
  opens: string;
  closes: string;
  /** Weekdays (0 = Sunday) open every week. */
  weekly: number[];
  /** Weekdays open only on some weeks of the month: weekday → open weeks (1–5). */
  monthly: Map<number, number[]>;
};

/**
 * Groups weekly hours by (open, close). A weekday with 第n closures is open only on the other weeks:
 * 第2・第4土曜休診 makes Saturday open on weeks 1, 3 and 5 (RFC 5545 `byday=1SA,3SA,5SA`).
 */
export function openingGroups(facility: ExportFacility): OpeningGroup[] {
  const groups = new Map<string, OpeningGroup>();
  const closedWeeks = new Map<number, Set<number>>();
  for (const [weekday, nth] of facility.closures) {
    closedWeeks.set(weekday, (closedWeeks.get(weekday) ?? new Set()).add(nth));
  }
  for (const [day, open, close] of facility.hours) {
    const key = `${open}-${close}`;
    const group: OpeningGroup = groups.get(key) ?? {
      opens: clock(open),
      closes: clock(close),
      weekly: [],
      monthly: new Map(),
    };
    const closed = closedWeeks.get(day);
    if (closed && closed.size > 0) {
      group.monthly.set(
        day,
        [1, 2, 3, 4, 5].filter((n) => !closed.has(n)),
      );
    } else if (!group.weekly.includes(day)) {
      group.weekly.push(day);
    }
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** 第2・第4土曜休診 in words, for schedule notes. */
export function closureNote(facility: ExportFacility): string | null {
  if (facility.closures.length === 0) return null;
  const byDay = new Map<number, number[]>();
  for (const [weekday, nth] of facility.closures) byDay.set(weekday, [...(byDay.get(weekday) ?? []), nth]);
  return [...byDay.entries()]
    .map(([weekday, nths]) => `${nths.map((n) => `第${n}`).join('・')}${'日月火水木金土'[weekday]}曜休み`)
    .join('、');
}

/** The Tokyo calendar date of an instant (assured_date, lastUpdated). */
export function tokyoDate(value: Date | string | null): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** A JSON array written element by element into a stream of text. */
export async function* jsonArray<T>(
  items: AsyncIterable<T>,
  toJson: (item: T) => unknown[],
): AsyncGenerator<string> {
  let first = true;
  let buffer = '';
  for await (const item of items) {
    for (const element of toJson(item)) {
      buffer += (first ? '\n' : ',\n') + JSON.stringify(element);
      first = false;
    }
    if (buffer.length > 65_536) {
      yield buffer;
      buffer = '';
    }
  }
  yield `${buffer}\n`;
}
