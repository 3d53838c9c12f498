/**
 * 和暦 (Japanese era) dates and the Japanese fiscal year (April–March). Pure: shared by the server
 * (open-data import, reports) and the web. Formatting goes through Intl's `ja-JP-u-ca-japanese`
 * calendar; parsing is ours because Intl cannot parse.
 */

export type Era = {
  name: string;
  /** One-kanji abbreviation used in forms (令4.10.5). */
  kanji: string;
  /** Latin initial used in spreadsheets (R6.4.1). */
  latin: string;
  /** First day of the era, ISO (STANDARDS.md). Meiji counts from 1868 as a whole. */
  start: string;
};

/** Newest first, so the first era whose start is on or before a date is that date's era. */
export const ERAS: readonly Era[] = [
  { name: '令和', kanji: '令', latin: 'R', start: '2019-05-01' },
  { name: '平成', kanji: '平', latin: 'H', start: '1989-01-08' },
  { name: '昭和', kanji: '昭', latin: 'S', start: '1926-12-25' },
  { name: '大正', kanji: '大', latin: 'T', start: '1912-07-30' },
  { name: '明治', kanji: '明', latin: 'M', start: '1868-01-01' },
];

export type ParsedDate = {
  /** ISO date (YYYY-MM-DD); for a year or month alone, the first day of it. */
  iso: string;
  precision: 'year' | 'month' | 'day';
};

const eraByToken = new Map<string, Era>();
for (const era of ERAS) {
  eraByToken.set(era.name, era);
  eraByToken.set(era.kanji, era);
  eraByToken.set(era.latin, era);
}

/** Full-width digits and letters, ideographic space and the dots people type → ASCII. */
function toAsciiWidth(text: string): string {
  return text
    .replace(/[０-９Ａ-Ｚａ-ｚ．／－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\s]+/g, ' ')
    .trim();
}

const isoOf = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// 令和 02年05月01日 · 令4. 10. 5 · R6.4.1 · H31 · 令和元年度 is NOT a date (see parseFiscalYearLabel).
const ERA_DATE =
  /^(令和|平成|昭和|大正|明治|令|平|昭|大|明|[RHSTM])\s*(元|\d{1,2})\s*(?:[年.\-/]\s*(?:(\d{1,2})\s*(?:[月.\-/]\s*(?:(\d{1,2})\s*日?)?)?)?)?$/i;
const WESTERN_DATE = /^(\d{4})\s*[年.\-/]\s*(\d{1,2})(?:\s*[月.\-/]\s*(\d{1,2})\s*日?)?\s*(?:月)?$/;

/**
 * Reads a date as Japanese offices write it: 和暦 with full names, one-kanji or Latin era
 * abbreviations, 元年, full-width digits, `.`/`/`/`-` or 年月日, or a Western date. Returns
 * undefined when the text is not a date or names a day that does not exist (e.g. 令和元年4月1日,
 * before the era began). A date after an era's end (H31.5.1) is accepted: its meaning is clear.
 */
export function parseJapaneseDate(input: string): ParsedDate | undefined {
  const text = toAsciiWidth(input);
  const era = ERA_DATE.exec(text);
  if (era) {
    const eraInfo = eraByToken.get(era[1]!.length === 1 ? era[1]!.toUpperCase() : era[1]!);
    if (!eraInfo) return undefined;
    const eraYear = era[2] === '元' ? 1 : Number(era[2]);
    if (eraYear < 1) return undefined;
    const year = Number(eraInfo.start.slice(0, 4)) + eraYear - 1;
    return build(year, era[3], era[4], eraInfo.start);
  }
  const western = WESTERN_DATE.exec(text);
  if (western) return build(Number(western[1]), western[2], western[3], undefined);
  return undefined;
}

function build(
  year: number,
  month: string | undefined,
  day: string | undefined,
  eraStart: string | undefined,
): ParsedDate | undefined {
  const m = month === undefined ? 1 : Number(month);
  const d = day === undefined ? 1 : Number(day);
  if (!isRealDate(year, m, d)) return undefined;
  const iso = isoOf(year, m, d);
  const precision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  if (eraStart) {
    // Compare at the precision given: 令和元年 (2019) is fine, 令和元年4月 is not.
    const cut = precision === 'year' ? 4 : precision === 'month' ? 7 : 10;
    if (iso.slice(0, cut) < eraStart.slice(0, cut)) return undefined;
  }
  return { iso, precision };
}

const RANGE_SEPARATOR = /\s*[～〜~]\s*|\s+-\s+|\s*から\s*/;

/** A range such as `令和6年4月1日～令和7年3月31日`; an open end (`R6.4.1～`) has no `to`. */
export function parseJapaneseDateRange(input: string): { from: ParsedDate; to?: ParsedDate } | undefined {
  const parts = input.split(RANGE_SEPARATOR).map((p) => p.trim());
  if (parts.length === 1) {
    const single = parseJapaneseDate(parts[0]!);
    return single ? { from: single } : undefined;
  }
  if (parts.length !== 2) return undefined;
  const from = parseJapaneseDate(parts[0]!);
  if (!from) return undefined;
  if (parts[1] === '') return { from };
  const to = parseJapaneseDate(parts[1]!);
  if (!to || to.iso < from.iso) return undefined;
  return { from, to };
}

const japaneseFormatter = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** `2019-05-01` → `令和元年5月1日` (Intl's Japanese calendar). */
export function formatJapaneseDate(iso: string): string {
  return japaneseFormatter.format(new Date(`${iso}T00:00:00Z`));
}

/** The era a day falls in (by our era table). */
export function eraOf(iso: string): Era | undefined {
  return ERAS.find((era) => era.start <= iso);
}

/** Fiscal year (April–March) a date falls in, named by its starting calendar year: 2025-03-31 → 2024. */
export function fiscalYearOf(date: Date | string, timeZone = 'Asia/Tokyo'): number {
  const iso = typeof date === 'string' ? date : isoInZone(date, timeZone);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

function isoInZone(date: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * `2024` → `令和6年度`. A fiscal year is named by the era on its April 1, except FY2019: the era
 * changed on May 1, 2019 and the government named that whole year 令和元年度.
 */
export function formatFiscalYear(fiscalYear: number): string {
  if (fiscalYear === 2019) return '令和元年度';
  const era = eraOf(`${String(fiscalYear).padStart(4, '0')}-04-01`);
  if (!era) return `${fiscalYear}年度`;
  const eraYear = fiscalYear - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年度`;
}

/** `令和6年度` / `R6年度` / `令和元年度` / `2024年度` → 2024; undefined when not a fiscal-year label. */
export function parseFiscalYearLabel(input: string): number | undefined {
  const text = toAsciiWidth(input).replace(/\s/g, '');
  const western = /^(\d{4})年度$/.exec(text);
  if (western) return Number(western[1]);
  const match = /^(令和|平成|昭和|大正|明治|令|平|昭|大|明|[RHSTM])(元|\d{1,2})年度$/i.exec(text);
  if (!match) return undefined;
  const era = eraByToken.get(match[1]!.length === 1 ? match[1]!.toUpperCase() : match[1]!);
  if (!era) return undefined;
  const eraYear = match[2] === '元' ? 1 : Number(match[2]);
  if (eraYear < 1) return undefined;
  return Number(era.start.slice(0, 4)) + eraYear - 1;
}
