/**
 * The one rate limiter: a fixed-window request counter per key (a client address, an IPv6 /64, an
 * account), kept in process memory only — the key lives for its window and is never written
 * anywhere. Limits reset on restart and are per process; that suits Zaitaku's one-process
 * deployment (a PostgreSQL deployment behind several processes gets a per-process limit, which is
 * acceptable for abuse protection). Behind a reverse proxy set TRUST_PROXY=true so the key is the
 * real client, not the proxy. Used by the accounts module (sign-in, every request) and the
 * directory's public forms and statistics beacon.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one hit; true while the key is within its limit for the current window. */
  hit(key: string, nowMs = Date.now()): boolean {
    let entry = this.windows.get(key);
    if (!entry || nowMs - entry.start >= this.windowMs) {
      if (!entry && this.windows.size >= this.maxKeys) this.sweep(nowMs);
      entry = { start: nowMs, count: 0 };
      this.windows.set(key, entry);
    }
    entry.count++;
    return entry.count <= this.limit;
  }

  /** Seconds until the key's window ends (for Retry-After). */
  retryAfterSeconds(key: string, nowMs: number): number {
    const entry = this.windows.get(key);
    if (!entry) return 0;
    return Math.max(1, Math.ceil((entry.start + this.windowMs - nowMs) / 1000));
  }

  // Bounded memory under a flood of addresses: drop finished windows, then the oldest ones.
  private sweep(nowMs: number): void {
    for (const [key, entry] of this.windows) {
      if (nowMs - entry.start >= this.windowMs) this.windows.delete(key);
    }
    if (this.windows.size < this.maxKeys) return;
    const excess = this.windows.size - Math.floor(this.maxKeys * 0.9);
    let removed = 0;
    for (const key of this.windows.keys()) {
      if (removed++ >= excess) break;
      this.windows.delete(key);
    }
  }
}
