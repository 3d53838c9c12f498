import type { Transaction } from 'kysely';
import type { AuditAction } from '../../../contracts/audit-actions';
import type { AuditEntry } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { enqueueMail } from '../../platform/mail/outbox.service';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { runUseCase } from '../../platform/use-case';
import { secondFactorLockoutMail } from './account-mail';
import { deleteSessionsOfUser } from './session.queries';
import { findUserById, type UserRow, updateUser } from './user.queries';
import { listWardAdminEmails } from './user-admin.queries';

type Deps = Pick<ModuleDeps, 'db'>;

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
/** A run of wrong codes doubles the lock each time (15, 30, 60 … minutes), at most a day. */
const MAX_SECOND_FACTOR_LOCK_MINUTES = 24 * 60;

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
 * Minutes of lock after the n-th failure in a row, or 0 for none. Passwords: the fifth locks and
 * the count starts again. Codes: every fifth locks and the count goes on, so the lock grows; a
 * correct password between them changes nothing (whoever guesses codes already has it).
 */
export function lockMinutesAfter(kind: 'password' | 'second_factor', failures: number): number {
  if (failures < MAX_FAILED_ATTEMPTS || failures % MAX_FAILED_ATTEMPTS !== 0) return 0;
  if (kind === 'password') return LOCKOUT_MINUTES;
  const doublings = failures / MAX_FAILED_ATTEMPTS - 1;
  return Math.min(LOCKOUT_MINUTES * 2 ** Math.min(doublings, 10), MAX_SECOND_FACTOR_LOCK_MINUTES);
}

/**
 * Audits a refused attempt (a locked or disabled account, an unknown email, a wrong current
 * password) in its own use case: it commits, and the caller then throws its refusal.
 */
export async function recordRefusal(deps: Deps, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await runUseCase(deps, ctx, ({ audit }) => audit(entry), { requireActor: false });
}

/**
 * Counts a failed password (auth.invalid_credentials) or code (auth.totp_invalid), each on its
 * own counter; a lock ends the account's sessions, and a code lock is mailed to the owner and the
 * municipality's ward admins. The count and the audit rows commit (the use case returns), and
 * only then is auth.locked or `failureCode` thrown: a refusal must not roll its count back.
 */
export async function recordFailedAttempt(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  input: {
    action: AuditAction;
    reason: string;
    failureCode: 'auth.invalid_credentials' | 'auth.totp_invalid';
  },
): Promise<never> {
  const kind = input.failureCode === 'auth.totp_invalid' ? 'second_factor' : 'password';
  const minutes = await runUseCase(
    deps,
    ctx,
    async ({ trx, now, audit }) => {
      const user = await findUserById(trx, userId, { lock: true });
      if (!user) return 0;
      const attempts = (kind === 'password' ? user.failed_attempts : user.totp_failed_attempts) + 1;
      const lockMinutes = lockMinutesAfter(kind, attempts);
      const lockedUntil = lockMinutes ? new Date(now.getTime() + lockMinutes * 60_000) : user.locked_until;
      await updateUser(
        trx,
        user.id,
        kind === 'password'
          ? { failed_attempts: lockMinutes ? 0 : attempts, locked_until: lockedUntil }
          : { totp_failed_attempts: attempts, locked_until: lockedUntil },
      );
      await audit({
        action: input.action,
        outcome: 'failure',
        recordType: 'user',
        recordId: user.id,
        details: { reason: input.reason, consecutiveFailures: attempts },
        ...auditIdentity(user),
      });
      if (lockMinutes) {
        await deleteSessionsOfUser(trx, user.id);
        await audit({
          action: 'auth.lockout',
          outcome: 'failure',
          recordType: 'user',
          recordId: user.id,
          details: { minutes: lockMinutes, counter: kind },
          ...auditIdentity(user),
        });
        if (kind === 'second_factor') await mailSecondFactorLockout(trx, ctx, user, lockMinutes, now);
      }
      return lockMinutes;
    },
    { requireActor: false },
  );
  if (minutes) throw new AppError('auth.locked', { retryAfterSeconds: minutes * 60 });
  throw new AppError(input.failureCode);
}

/**
 * Wrong codes after a right password mean someone holds the password: the owner should change it,
 * and the ward admins should know. Password-only failures are not mailed (anyone can cause them).
 */
async function mailSecondFactorLockout(
  trx: Transaction<Database>,
  ctx: RequestContext,
  user: UserRow,
  minutes: number,
  now: Date,
): Promise<void> {
  const municipalityCode = user.municipality_code.trim();
  const admins = (await listWardAdminEmails(trx, municipalityCode)).filter((email) => email !== user.email);
  for (const [to, audience] of [
    [user.email, 'owner'] as const,
    ...admins.map((email) => [email, 'ward_admin'] as const),
  ]) {
    const mail = secondFactorLockoutMail({
      audience,
      accountEmail: user.email,
      lockedAt: now,
      minutes,
      clientIp: ctx.clientIp,
    });
    await enqueueMail(trx, { kind: 'second_factor_lockout', to, municipalityCode, ...mail });
  }
}
