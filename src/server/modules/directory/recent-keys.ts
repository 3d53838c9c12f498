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
