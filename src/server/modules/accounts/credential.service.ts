import type { PasswordChangeRequest, PasswordResetComplete } from '../../../contracts/accounts';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { enqueueMail, SECRET_LINK_PLACEHOLDER } from '../../platform/mail/outbox.service';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { runUseCase } from '../../platform/use-case';
import { passwordResetMail } from './account-mail';
import { mailCredentialChange } from './account-security-mail';
import { auditIdentity, recordRefusal } from './lockout.service';
import { hashPassword, verifyPassword } from './password';
import {
  countResetsSince,
  findUsableReset,
  insertPasswordReset,
  useOpenResets,
} from './password-reset.queries';
import { checkPasswordStrength } from './password-strength';
import './password-reset.table';
import { deleteSessionsOfUser, type SessionRecord } from './session.queries';
import { createToken, hashToken } from './tokens';
import { findUserByEmail, findUserById, updateUser } from './user.queries';

const RESET_LIFETIME_MS = 60 * 60 * 1000;

/** Refuses a weak password with auth.weak_password (details.reason: too_short, common, guessable, personal). */
export function assertStrongPassword(password: string, userInputs: string[]): void {
  const verdict = checkPasswordStrength(password, userInputs);
  if (!verdict.ok) throw new AppError('auth.weak_password', { reason: verdict.reason });
}

/** Reset mails per account per hour; further requests are answered alike and not mailed. */
export const RESET_MAILS_PER_HOUR = 3;
/**
 * No answer to a reset request comes sooner than this. A known account writes a link and a mail
 * (measured 8.5 ms against 3.5 ms for an unknown email, issue 12 §6): a fixed floor above that
 * work hides the difference. Padding rather than dummy writes, since an unknown email has no
 * rows to write; under heavy load the work can outlast the floor and leak again.
 */
export const RESET_ANSWER_FLOOR_MS = 100;

/**
 * Mails a one-hour reset link to an active account, at most RESET_MAILS_PER_HOUR an hour. Answers
 * the same, and no sooner than RESET_ANSWER_FLOOR_MS, whether or not the email is known or
 * limited (no account enumeration); the attempt is audited either way. Never throws for input.
 */
export async function requestPasswordReset(
  deps: ModuleDeps,
  ctx: RequestContext,
  email: string,
  baseUrl: string,
): Promise<void> {
  const started = performance.now();
  try {
    await mailResetLinkIfAllowed(deps, ctx, email, baseUrl);
  } finally {
    // Real elapsed time, not clock.now(): tests move the clock, the attacker's stopwatch does not.
    const left = RESET_ANSWER_FLOOR_MS - (performance.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

async function mailResetLinkIfAllowed(
  deps: ModuleDeps,
  ctx: RequestContext,
  email: string,
  baseUrl: string,
): Promise<void> {
  const user = await findUserByEmail(deps.db, email);
  const now = clock.now();
  const refusal = !user
    ? 'unknown_email'
    : user.status !== 'active'
      ? 'disabled'
      : (await countResetsSince(deps.db, user.id, new Date(now.getTime() - 3_600_000))) >=
          RESET_MAILS_PER_HOUR
        ? 'too_many_requests'
        : undefined;
  if (!user || refusal) {
    await recordRefusal(deps, ctx, {
      action: 'auth.password_reset_request',
      outcome: 'failure',
      actorLabel: email,
      actorUserId: user?.id,
      municipalityCode: user ? user.municipality_code.trim() : null,
      details: { reason: refusal },
    });
    return;
  }
  const token = createToken();
  const expiresAt = new Date(now.getTime() + RESET_LIFETIME_MS);
  await runUseCase(
    deps,
    ctx,
    async ({ trx, audit }) => {
      const resetId = await insertPasswordReset(trx, {
        user_id: user.id,
        token_hash: hashToken(token),
        created_at: now,
        expires_at: expiresAt,
        used_at: null,
      });
      const mail = passwordResetMail({ link: SECRET_LINK_PLACEHOLDER, expiresAt });
      await enqueueMail(trx, {
        kind: 'password_reset',
        secretLink: `${baseUrl}/reset-password/${token}`,
        to: user.email,
        municipalityCode: user.municipality_code.trim(),
        ...mail,
      });
      await audit({
        action: 'auth.password_reset_request',
        recordType: 'password_reset',
        recordId: resetId,
        ...auditIdentity(user),
      });
    },
    { requireActor: false },
  );
  deps.kickMail();
}

/**
 * Sets a new password from a reset link, ends every session and lifts a lockout. It does not
 * sign in: the next login still asks for the TOTP code. Throws auth.token_invalid, auth.weak_password.
 */
export async function completePasswordReset(
  deps: ModuleDeps,
  ctx: RequestContext,
  input: PasswordResetComplete,
): Promise<void> {
  const reset = await findUsableReset(deps.db, hashToken(input.token), clock.now());
  const user = reset ? await findUserById(deps.db, reset.user_id) : undefined;
  if (!reset || !user || user.status !== 'active') throw new AppError('auth.token_invalid');
  assertStrongPassword(input.password, [user.email, user.display_name]);
  const hash = await hashPassword(input.password, deps.config.PASSWORD_SCRYPT_LOG_N);
  await runUseCase(
    deps,
    ctx,
    async ({ trx, now, audit }) => {
      // Marking every open link of the user used, guarded by used_at, makes the link single-use.
      if (!(await useOpenResets(trx, user.id, now)).includes(reset.id))
        throw new AppError('auth.token_invalid');
      await updateUser(trx, user.id, {
        password_hash: hash,
        password_change_required: false,
        failed_attempts: 0,
        totp_failed_attempts: 0,
        locked_until: null,
      });
      await deleteSessionsOfUser(trx, user.id);
      await audit({
        action: 'auth.password_reset',
        recordType: 'user',
        recordId: user.id,
        ...auditIdentity(user),
      });
      await mailCredentialChange(trx, {
        change: 'password_reset_done',
        user,
        at: now,
        clientIp: ctx.clientIp,
      });
    },
    { requireActor: false },
  );
  deps.kickMail();
}

/**
 * Changes the signed-in user's password and ends their other sessions.
 * Throws auth.current_password_wrong, auth.weak_password.
 */
export async function changePassword(
  deps: ModuleDeps,
  ctx: RequestContext,
  session: SessionRecord,
  input: PasswordChangeRequest,
): Promise<void> {
  const user = await findUserById(deps.db, session.userId);
  if (!user) throw new AppError('auth.session_expired');
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await recordRefusal(deps, ctx, {
      action: 'account.password_change',
      outcome: 'failure',
      recordType: 'user',
      recordId: user.id,
      details: { reason: 'current_password_wrong' },
    });
    throw new AppError('auth.current_password_wrong');
  }
  assertStrongPassword(input.newPassword, [user.email, user.display_name]);
  const hash = await hashPassword(input.newPassword, deps.config.PASSWORD_SCRYPT_LOG_N);
  await runUseCase(deps, ctx, async ({ trx, now, audit }) => {
    await updateUser(trx, user.id, { password_hash: hash, password_change_required: false });
    await deleteSessionsOfUser(trx, user.id, session.sessionId);
    await audit({ action: 'account.password_change', recordType: 'user', recordId: user.id });
    await mailCredentialChange(trx, {
      change: 'password_changed',
      user,
      at: now,
      clientIp: ctx.clientIp,
      userAgent: session.userAgent,
    });
  });
  deps.kickMail();
}
