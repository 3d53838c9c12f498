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

/**
 * Remembers keys for a while, in memory only: `firstSeen` is true the first time a key is seen in
 * `ttlMs`. The statistics beacon uses it so that one visitor reloading a page counts once.
 */
export function createRecentKeys(options: { ttlMs: number; maxKeys?: number }) {
  const seen = new Map<string, number>();
  const maxKeys = options.maxKeys ?? 50_000;
  return {
    firstSeen(key: string, now = Date.now()): boolean {
      const expiresAt = seen.get(key);
      if (expiresAt !== undefined && expiresAt > now) return false;
      if (seen.size >= maxKeys) {
        for (const [k, v] of seen) if (v <= now) seen.delete(k);
        // Still full of live keys (a flood): forget the oldest half rather than grow without bound.
        if (seen.size >= maxKeys) for (const k of [...seen.keys()].slice(0, maxKeys / 2)) seen.delete(k);
      }
      seen.set(key, now + options.ttlMs);
      return true;
    },
  };
}
