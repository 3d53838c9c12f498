import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';
import { LOCKOUT_MINUTES, lockMinutesAfter } from './lockout.service';

type Entry = { failures: number; lockedUntilMs: number; lastFailureMs: number };

/**
 * Wrong passwords for an email that has no account, counted and locked exactly like an account's
 * password counter, so the fifth answer is auth.locked for both and a lockout tells no one
 * whether the account exists (issue 12 §6). Kept in process memory, bounded like the rate
 * limiter: an unknown email has no row to hold its count, and a row per guessed email would let
 * anyone fill the database.
 */
export class UnknownAccountLockout {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxKeys = 100_000) {}

  /** Seconds left on the email's lock, or 0. */
  lockedForSeconds(email: string, nowMs: number): number {
    const entry = this.entries.get(email.toLowerCase());
    if (!entry || entry.lockedUntilMs <= nowMs) return 0;
    return Math.ceil((entry.lockedUntilMs - nowMs) / 1000);
  }

  /** Counts one wrong password; returns the minutes of lock it starts (0 for none). */
  recordFailure(email: string, nowMs: number): number {
    const key = email.toLowerCase();
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= this.maxKeys) this.sweep(nowMs);
      entry = { failures: 0, lockedUntilMs: 0, lastFailureMs: nowMs };
      this.entries.set(key, entry);
    }
    entry.failures++;
    entry.lastFailureMs = nowMs;
    const minutes = lockMinutesAfter('password', entry.failures);
    if (minutes) {
      // As for an account: the count starts again once the lock is set.
      entry.failures = 0;
      entry.lockedUntilMs = nowMs + minutes * 60_000;
    }
    return minutes;
  }

  // Entries unlocked and idle longer than a lock carry little worth keeping; then the oldest go.
  private sweep(nowMs: number): void {
    const idleMs = LOCKOUT_MINUTES * 60_000;
    for (const [key, entry] of this.entries) {
      if (entry.lockedUntilMs <= nowMs && entry.lastFailureMs + idleMs < nowMs) this.entries.delete(key);
    }
    if (this.entries.size < this.maxKeys) return;
    const excess = this.entries.size - Math.floor(this.maxKeys * 0.9);
    let removed = 0;
    for (const key of this.entries.keys()) {
      if (removed++ >= excess) break;
      this.entries.delete(key);
    }
  }
}

// One per database, as account counters live in their database (tests run several apps per process).
const perDatabase = new WeakMap<Kysely<Database>, UnknownAccountLockout>();

export function unknownAccountLockoutOf(db: Kysely<Database>): UnknownAccountLockout {
  let lockout = perDatabase.get(db);
  if (!lockout) {
    lockout = new UnknownAccountLockout();
    perDatabase.set(db, lockout);
  }
  return lockout;
}
