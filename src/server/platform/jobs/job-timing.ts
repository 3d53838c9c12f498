const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min, … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * The first instant strictly after `now` at which the clock in Japan reads `at` ('HH:MM'). Japan
 * keeps no daylight saving time, so every day has the same offset.
 */
export function nextDailyRun(now: Date, at: string): Date {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new RangeError(`daily time must be HH:MM: ${at}`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  const tokyoMidnight = Math.floor((now.getTime() + JST_OFFSET_MS) / DAY_MS) * DAY_MS - JST_OFFSET_MS;
  let next = tokyoMidnight + minutes * 60_000;
  if (next <= now.getTime()) next += DAY_MS;
  return new Date(next);
}
