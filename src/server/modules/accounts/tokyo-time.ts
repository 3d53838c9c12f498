const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** ISO 8601 in Japan time with an explicit offset (2026-11-24T09:30:00.000+09:00); Japan has no DST. */
export function toTokyoIso(date: Date): string {
  return new Date(date.getTime() + JST_OFFSET_MS).toISOString().replace('Z', '+09:00');
}

export function toTokyoIsoOrNull(date: Date | null | undefined): string | null {
  return date ? toTokyoIso(date) : null;
}
