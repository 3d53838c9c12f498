const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string): Intl.DateTimeFormat {
  let cached = formatters.get(language);
  if (!cached) {
    // Staff read times in Japan's time zone whatever their device says (records are Asia/Tokyo).
    cached = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(language, cached);
  }
  return cached;
}

/** An ISO timestamp as Japan-time text ("2026/11/24 09:30"); empty or invalid values as given. */
export function formatDateTime(value: string | null | undefined, language: string): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatter(language).format(date);
}

/** `<time>` showing an ISO timestamp in Asia/Tokyo; empty values show a dash. */
export function DateTime({ value, language }: { value: string | null | undefined; language: string }) {
  if (!value) return <span>—</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return <time dateTime={value}>{formatter(language).format(date)}</time>;
}
