/**
 * A small fixed-window limiter kept in memory: the key (a client address) lives only for the
 * window and is never written anywhere. One process is enough here (PGlite is one process; a
 * PostgreSQL deployment behind several processes gets a per-process limit, which is acceptable
 * for abuse protection of anonymous forms).
 */
export function createRateLimiter(options: { windowMs: number; max: number }) {
  const hits = new Map<string, { count: number; resetAt: number }>();
  return {
    /** Counts one attempt; false when the key is over its limit. */
    allow(key: string, now = Date.now()): boolean {
      if (hits.size > 10_000) {
        for (const [k, v] of hits) if (v.resetAt <= now) hits.delete(k);
      }
      const entry = hits.get(key);
      if (!entry || entry.resetAt <= now) {
        hits.set(key, { count: 1, resetAt: now + options.windowMs });
        return true;
      }
      entry.count++;
      return entry.count <= options.max;
    },
  };
}
