import type { Kysely } from 'kysely';
import { writeAudit } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { clock } from '../../platform/time/clock';
import { deleteSessionsOfUser } from './session.queries';
import { findUserById, type UserRow, updateUser } from './user.queries';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

/** Seconds left on a lock, or 0 when the account is not locked now. */
export function lockedForSeconds(user: Pick<UserRow, 'locked_until'>): number {
  const now = clock.now().getTime();
  if (!user.locked_until || user.locked_until.getTime() <= now) return 0;
  return Math.ceil((user.locked_until.getTime() - now) / 1000);
}

/** Throws auth.locked while the account is locked (nothing is checked during a lock). */
export function assertNotLocked(user: Pick<UserRow, 'locked_until'>): void {
  const seconds = lockedForSeconds(user);
  if (seconds > 0) throw new AppError('auth.locked', { retryAfterSeconds: seconds });
}

export function auditIdentity(user: Pick<UserRow, 'id' | 'email' | 'municipality_code'>) {
  return { actorUserId: user.id, actorLabel: user.email, municipalityCode: user.municipality_code.trim() };
}

/**
 * Counts a failed password or code; the fifth in a row locks the account for 15 minutes and ends
 * its sessions. Commits the count and the audit rows, then throws auth.locked or `failureCode`.
 */
export async function recordFailedAttempt(
  db: Kysely<Database>,
  ctx: RequestContext,
  userId: string,
  input: { action: string; reason: string; failureCode: 'auth.invalid_credentials' | 'auth.totp_invalid' },
): Promise<never> {
  const locked = await db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, userId, { lock: true });
    if (!user) return false;
    const attempts = user.failed_attempts + 1;
    const lock = attempts >= MAX_FAILED_ATTEMPTS;
    await updateUser(trx, user.id, {
      failed_attempts: lock ? 0 : attempts,
      locked_until: lock ? new Date(clock.now().getTime() + LOCKOUT_MINUTES * 60_000) : user.locked_until,
    });
    await writeAudit(trx, ctx, {
      action: input.action,
      outcome: 'failure',
      recordType: 'user',
      recordId: user.id,
      details: { reason: input.reason, consecutiveFailures: attempts },
      ...auditIdentity(user),
    });
    if (lock) {
      await deleteSessionsOfUser(trx, user.id);
      await writeAudit(trx, ctx, {
        action: 'auth.lockout',
        outcome: 'failure',
        recordType: 'user',
        recordId: user.id,
        details: { minutes: LOCKOUT_MINUTES },
        ...auditIdentity(user),
      });
    }
    return lock;
  });
  if (locked) throw new AppError('auth.locked', { retryAfterSeconds: LOCKOUT_MINUTES * 60 });
  throw new AppError(input.failureCode);
}
