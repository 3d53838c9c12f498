import { cleanText, isEmptyMarker, toHalfWidth } from './normalise-text';
import { accept, type Normalised, reject } from './normalise-values';

/** Days a facility is open, in week order; `holiday` = 祝日. */
export const DAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'holiday'] as const;
export type DayCode = (typeof DAY_CODES)[number];

const DAY_BY_KANJI: Record<string, DayCode> = {
  月: 'mon',
  火: 'tue',
  水: 'wed',
  木: 'thu',
  金: 'fri',
  土: 'sat',
  日: 'sun',
  祝: 'holiday',
};
const KANJI_BY_DAY = Object.fromEntries(Object.entries(DAY_BY_KANJI).map(([k, v]) => [v, k])) as Record<
  DayCode,
  string
>;
const WEEK = '月火水木金土日';

/**
 * 診療曜日 / 利用可能曜日 as files write them: `月火水木金土`, `月～金`, `月・水・金`,
 * `平日,土曜日,日曜日,祝日` (MHLW), `毎日`, `年中無休`. Notes in brackets are left to the raw value.
 */
export function normaliseDays(raw: string): Normalised<DayCode[]> {
  let text = toHalfWidth(cleanText(raw));
  if (isEmptyMarker(text)) return accept([]);
  text = text
    .replace(/\([^)]*\)|（[^）]*）|【[^】]*】/g, ' ')
    .replace(/年中無休|365日/g, '月火水木金土日祝')
    .replace(/毎日|全日|全曜日/g, '月火水木金土日')
    .replace(/平日/g, '月火水木金')
    .replace(/祝祭日|祝日|休日|祭日/g, '祝')
    .replace(/曜日|曜/g, '');
  text = text.replace(
    /([月火水木金土日])\s*[~〜～\-－ー]\s*([月火水木金土日])/g,
    (_m, a: string, b: string) => expandRange(a, b),
  );
  const found = new Set<DayCode>();
  let unknown = false;
  for (const ch of text) {
    const day = DAY_BY_KANJI[ch];
    if (day) found.add(day);
    else if (!/[\s,、・/;；.。及びと]/.test(ch)) unknown = true;
  }
  // Leftovers such as 第2・4 are kept in the raw value; only a cell with no day at all is refused.
  if (found.size === 0) return unknown ? reject('row.invalid_days') : accept([]);
  return accept(DAY_CODES.filter((d) => found.has(d)));
}

function expandRange(from: string, to: string): string {
  const a = WEEK.indexOf(from);
  const b = WEEK.indexOf(to);
  if (a <= b) return WEEK.slice(a, b + 1);
  // 金～月 wraps over the weekend.
  return WEEK.slice(a) + WEEK.slice(0, b + 1);
}

/** `['mon', …, 'holiday']` → `月火水木金土日祝` (how the standard writes 診療曜日). */
export function formatDays(days: readonly DayCode[]): string {
  return days.map((d) => KANJI_BY_DAY[d]).join('');
}

/**
 * A time of day → `HH:MM`. Accepts `9:00`, `09:00:00`, `9時`, `9時30分`, `9時半`, `午後6時`,
 * `0900`, and Excel serial fractions of a day (`0.375` = 09:00, `0.7708333` = 18:30).
 */
export function normaliseTimeOfDay(raw: string): string | undefined {
  const text = toHalfWidth(cleanText(raw)).replace(/\s+/g, '').replace(/：/g, ':');
  const excel = /^(0?\.\d+|0|1(\.0+)?)$/.exec(text);
  if (excel) return fromMinutes(Math.round(Number(text) * 1440));
  const afternoon = /^(午後|PM|pm|p\.m\.)/.test(text) ? 12 : 0;
  const body = text.replace(/^(午前|午後|AM|PM|am|pm|a\.m\.|p\.m\.)/, '').replace(/(AM|PM|am|pm)$/, '');
  let match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(body) ?? /^(\d{1,2})時(?:(\d{1,2})分|(半))?$/.exec(body);
  if (!match) match = /^(\d{1,2})(\d{2})$/.exec(body);
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = match[3] === '半' ? 30 : Number(match[2] ?? 0);
  if (afternoon && hours < 12) hours += 12;
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return fromMinutes(hours * 60 + minutes);
}

function fromMinutes(total: number): string | undefined {
  if (!Number.isFinite(total) || total < 0 || total > 1440) return undefined;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** 診療開始時間 / 診療終了時間: one time, or several for split sessions (`9:00、14:00`). */
export function normaliseTimes(raw: string): Normalised<string[]> {
  const text = toHalfWidth(cleanText(raw));
  if (isEmptyMarker(text)) return accept([]);
  const parts = text.split(/[,、;；/・\n]|\s+(?=\d)/).filter((p) => p.trim() !== '');
  const times: string[] = [];
  for (const part of parts) {
    const time = normaliseTimeOfDay(part);
    if (!time) return reject('row.invalid_time');
    times.push(time);
  }
  return accept(times);
}

const NTH_CLOSURE =
  /第\s*([1-5](?:\s*[・,、と]\s*(?:第\s*)?[1-5])*)\s*([月火水木金土日])曜?日?[^。\n]{0,4}?休/g;

/**
 * 第n曜日 closures written in a note: `第2・第4土曜休診` → Saturday (6), weeks 2 and 4. The
 * directory uses them for "open now"; the note itself is kept as written.
 */
export function closuresFromNote(note: string | null | undefined): Array<{ weekday: number; nth: number }> {
  if (!note) return [];
  const text = toHalfWidth(note);
  const found = new Map<string, { weekday: number; nth: number }>();
  for (const match of text.matchAll(NTH_CLOSURE)) {
    const weekday = '日月火水木金土'.indexOf(match[2]!);
    for (const n of match[1]!.match(/[1-5]/g) ?? [])
      found.set(`${weekday}:${n}`, { weekday, nth: Number(n) });
  }
  return [...found.values()].sort((a, b) => a.weekday - b.weekday || a.nth - b.nth);
}
