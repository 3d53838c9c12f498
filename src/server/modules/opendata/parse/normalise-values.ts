import { parseJapaneseDate } from '../../../../contracts/japanese-calendar';
import { kanjiToNumber } from '../../../../contracts/japanese-text';
import { isValidMunicipalityCode, toSixDigitCode } from '../../../../contracts/municipality-code';
import type { RowErrorCode } from '../../../../contracts/opendata-errors';
import { cleanText, isEmptyMarker, toHalfWidth, toIdentifier, unifyDigitDashes } from './normalise-text';

/** A cell read into a field value, or the reason it could not be. */
export type Normalised<T> = { ok: true; value: T } | { ok: false; code: RowErrorCode };

export const accept = <T>(value: T): Normalised<T> => ({ ok: true, value });
export const reject = (code: RowErrorCode): Normalised<never> => ({ ok: false, code });

/** Half-width, trimmed, empty markers (-, なし) read as empty. */
function structured(raw: string): string {
  const text = toHalfWidth(cleanText(raw)).trim();
  return isEmptyMarker(text) ? '' : text;
}

/** 全国地方公共団体コード: 6 digits with check digit; a 5-digit code (N03 style) gets its check digit. */
export function normaliseMunicipalityCode(raw: string): Normalised<string | null> {
  const text = structured(raw).replace(/[\s-]/g, '');
  if (text === '') return accept(null);
  if (/^\d{5}$/.test(text)) return accept(fiveDigitCode(text));
  if (/^\d{6}$/.test(text) && isValidMunicipalityCode(text)) return accept(text);
  return reject('row.invalid_municipality_code');
}

/**
 * Five digits are either the check-digit-less form (N03, Japan Post) or a 6-digit code of
 * prefectures 01–09 whose leading zero Excel dropped (011002 stored as the number 11002). The
 * second reading is taken only when the first is impossible: no prefecture above 47, and a
 * municipality part of 001–099 does not exist.
 */
function fiveDigitCode(text: string): string {
  const prefecture = Number(text.slice(0, 2));
  const municipality = Number(text.slice(2));
  const impossible = prefecture < 1 || prefecture > 47 || (municipality > 0 && municipality < 100);
  if (impossible && isValidMunicipalityCode(`0${text}`)) return `0${text}`;
  return toSixDigitCode(text);
}

/** Restores a leading zero Excel dropped from a code typed as a number (0110012345 → 110012345). */
function restoreLeadingZero(digits: string, lengths: readonly number[]): string {
  return lengths.includes(digits.length + 1) ? `0${digits}` : digits;
}

/** A prefecture's own code (13000x) names no municipality. */
export function isPrefectureCode(code: string): boolean {
  return code.slice(2, 5) === '000';
}

// Japan with its remote islands (Okinotorishima 20.4°N … Etorofu 45.6°N, Yonaguni 122.9°E … Minamitorishima 154°E).
const JAPAN = { latMin: 20, latMax: 46, lngMin: 122, lngMax: 154 };

function readDecimal(raw: string): number | null | undefined {
  const text = structured(raw).replace(/[°度]$/, '');
  if (text === '') return null;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

/** 緯度: decimal degrees inside Japan (a value of 135 is a longitude put in the wrong column). */
export function normaliseLatitude(raw: string): Normalised<number | null> {
  const value = readDecimal(raw);
  if (value === null) return accept(null);
  if (value === undefined || value < JAPAN.latMin || value > JAPAN.latMax)
    return reject('row.invalid_latitude');
  return accept(roundCoordinate(value));
}

export function normaliseLongitude(raw: string): Normalised<number | null> {
  const value = readDecimal(raw);
  if (value === null) return accept(null);
  if (value === undefined || value < JAPAN.lngMin || value > JAPAN.lngMax)
    return reject('row.invalid_longitude');
  return accept(roundCoordinate(value));
}

/** Seven decimals is about 1 cm: more is noise, and a fixed precision makes values compare equal. */
function roundCoordinate(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/** A plain decimal number (高度の値). */
export function normaliseDecimal(raw: string): Normalised<number | null> {
  const value = readDecimal(raw.replace(/[mｍ]$/, ''));
  if (value === undefined) return reject('row.invalid_number');
  return accept(value);
}

/**
 * A count such as 病床数 or 定員. Notes are allowed and kept only in the raw value:
 * `19（休床中）` → 19; several labelled counts (`一般50、療養30`) add up; `無`/`なし` → 0.
 */
export function normaliseCount(raw: string): Normalised<number | null> {
  const text = toHalfWidth(cleanText(raw)).replace(/,(?=\d{3}\b)/g, '');
  if (text === '' || text === '-' || text === '－') return accept(null);
  if (/^(無|なし|無し|0床?)$/.test(text)) return accept(0);
  const numbers = [...text.matchAll(/\d+/g)].map((m) => Number(m[0]));
  if (numbers.length === 0) {
    const kanji = /^[〇一二三四五六七八九]$/.exec(text);
    return kanji ? accept(kanjiToNumber(kanji[0]) as number) : reject('row.invalid_number');
  }
  // A decimal point means this is not a count of beds or places.
  if (/\d\.\d/.test(text)) return reject('row.invalid_number');
  const total = numbers.reduce((sum, n) => sum + n, 0);
  return total > 1_000_000 ? reject('row.invalid_number') : accept(total);
}

/**
 * Phone and FAX: full-width digits, `(0285)37-7111` and `03（1234）5678` → `0285-37-7111`, `03-1234-5678`.
 * Digits without hyphens stay without (we do not guess area-code lengths).
 */
export function normalisePhone(raw: string): Normalised<string | null> {
  let text = structured(raw);
  if (text === '') return accept(null);
  text = text
    .replace(/^(TEL|FAX|電話|Tel|Fax)[:：.\s]*/i, '')
    // A trailing note without digits, such as （代表）.
    .replace(/\s*\([^()\d]*\)$/, '')
    .replace(/^\((\d{2,5})\)\s*/, '$1-')
    .replace(/(\d)\s*\((\d{1,4})\)\s*(?=\d)/, '$1-$2-');
  text = unifyDigitDashes(text).replace(/\s+/g, '-');
  // A number typed into Excel loses its leading zero: 312345678 was 0312345678.
  if (/^[1-9]\d{8,9}$/.test(text)) text = `0${text}`;
  if (!/^\+?[\d-]+$/.test(text)) return reject('row.invalid_phone');
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+81')) {
    if (digits.length < 11 || digits.length > 12) return reject('row.invalid_phone');
  } else if (!digits.startsWith('0') || digits.length < 10 || digits.length > 11) {
    return reject('row.invalid_phone');
  }
  return accept(text.replace(/-{2,}/g, '-').replace(/^-|-$/g, ''));
}

/** 郵便番号 → `153-0061`. A leading 〒 is dropped. */
export function normalisePostalCode(raw: string): Normalised<string | null> {
  const text = structured(raw).replace(/^〒\s*/, '');
  if (text === '') return accept(null);
  let digits = unifyDigitDashes(text).replace(/-/g, '');
  if (/^\d{6}$/.test(digits)) digits = `0${digits}`;
  if (!/^\d{7}$/.test(digits)) return reject('row.invalid_postal_code');
  return accept(`${digits.slice(0, 3)}-${digits.slice(3)}`);
}

/** 医療機関コード: 7 digits (within a prefecture) or 10 (prefecture 2 + 点数表 1 + 7); separators dropped. */
export function normaliseMedicalCode(raw: string): Normalised<string | null> {
  const text = structured(raw).replace(/[\s.\-,]/g, '');
  if (text === '') return accept(null);
  const code = /^\d+$/.test(text) ? restoreLeadingZero(text, [7, 10]) : text;
  return /^(\d{7}|\d{10})$/.test(code) ? accept(code) : reject('row.invalid_medical_code');
}

/** 介護保険事業所番号: 10 digits. */
export function normaliseOfficeNumber(raw: string): Normalised<string | null> {
  const text = structured(raw).replace(/[\s-]/g, '');
  if (text === '') return accept(null);
  const code = /^\d{9}$/.test(text) ? `0${text}` : text;
  return /^\d{10}$/.test(code) ? accept(code) : reject('row.invalid_office_number');
}

/**
 * 法人番号 (国税庁): 13 digits, the first is a check digit: 9 − (Σ Pn·Qn mod 9) over the other 12,
 * n counted from the right, Qn = 1 for odd n and 2 for even n.
 */
export function normaliseCorporateNumber(raw: string): Normalised<string | null> {
  const text = structured(raw).replace(/[\s-]/g, '');
  if (text === '') return accept(null);
  if (!/^\d{13}$/.test(text)) return reject('row.invalid_corporate_number');
  const base = text.slice(1);
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(base[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9) === Number(text[0]) ? accept(text) : reject('row.invalid_corporate_number');
}

export function normaliseEmail(raw: string): Normalised<string | null> {
  const text = structured(raw).replace(/^mailto:/i, '');
  if (text === '') return accept(null);
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 254
    ? accept(text)
    : reject('row.invalid_email');
}

/** URLs: half-width; a bare `www.` address gets `https://`; anything else must be http(s). */
export function normaliseUrl(raw: string): Normalised<string | null> {
  const text = structured(raw);
  if (text === '') return accept(null);
  const withScheme = /^www\./i.test(text) ? `https://${text}` : text;
  if (!/^https?:\/\/[^\s"<>]+$/i.test(withScheme)) return reject('row.invalid_url');
  try {
    new URL(withScheme);
  } catch {
    return reject('row.invalid_url');
  }
  return accept(withScheme);
}

/** Short codes and IDs (ID, NO, 町字ID, 内線番号): half-width without spaces. */
export function normaliseIdentifier(raw: string): Normalised<string | null> {
  const text = toIdentifier(raw);
  return accept(text === '' ? null : text);
}

export type FacilityStatus = 'active' | 'suspended' | 'closed';

/** 状況: empty or 運営中 → active, 休止 → suspended, 廃止 → closed. */
export function normaliseStatus(raw: string): Normalised<FacilityStatus> {
  const text = cleanText(raw);
  if (text === '' || /^(運営中|開設|開設中|稼働中?|営業中|通常|-|－)$/.test(text)) return accept('active');
  if (/^(休止|休止中|休診|休診中|一時休止)$/.test(text)) return accept('suspended');
  if (/^(廃止|閉鎖|閉院|廃院|廃業)$/.test(text)) return accept('closed');
  return reject('row.invalid_status');
}

/**
 * A date as offices write it: 和暦 (令和 02年05月01日, 令4. 10. 5, R6.4.1, 元年), Western, or an
 * Excel serial day number (45383 = 2024-04-01) → ISO. A year or month alone means its first day.
 */
export function normaliseDate(raw: string): Normalised<string | null> {
  const text = structured(raw);
  if (text === '') return accept(null);
  if (/^\d{5}$/.test(text)) {
    const serial = Number(text);
    // Excel counts days from 1899-12-30; 20000–80000 is 1954–2119.
    if (serial < 20_000 || serial > 80_000) return reject('row.invalid_date');
    return accept(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10));
  }
  const date = parseJapaneseDate(text.replace(/\s*\d{1,2}:\d{2}(:\d{2})?$/, ''));
  return date ? accept(date.iso) : reject('row.invalid_date');
}
