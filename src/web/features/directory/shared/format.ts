/** Display formats of the directory pages; dates and times always in Asia/Tokyo. */

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = dateFormats.get(key);
  if (!format) {
    format = make();
    dateFormats.set(key, format);
  }
  return format;
}

/** 2026年11月24日 / 24 Nov 2026. */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(`date-${language}`, () =>
    language === 'en'
      ? new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'medium' })
      : new Intl.DateTimeFormat('ja-JP', {
          timeZone: 'Asia/Tokyo',
          year: 'numeric',
          month: 'long',
          day: 'numeric',
        }),
  ).format(date);
}

/** 11月24日 14:05 / 24 Nov, 14:05 — for capacity signals, which change often. */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return cached(
    `datetime-${language}`,
    () =>
      new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
        timeZone: 'Asia/Tokyo',
        year: 'numeric',
        month: language === 'en' ? 'short' : 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(date);
}

/** 350m, 1.2km, 12km: precise enough to compare, rounded because a town centroid is approximate. */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)}m`;
  if (metres < 10_000) return `${(Math.round(metres / 100) / 10).toFixed(1)}km`;
  return `${Math.round(metres / 1000)}km`;
}

/** Digits only, for `tel:` links (a hyphenated Japanese number dials the same). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
