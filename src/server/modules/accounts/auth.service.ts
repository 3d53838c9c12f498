import type { LoginRequest, TotpVerifyRequest } from '../../../contracts/accounts';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { enqueueMail } from '../../platform/mail/outbox.service';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { runUseCase } from '../../platform/use-case';
import { newDeviceSignInMail } from './account-security-mail';
import { truncatedAddress } from './client-network';
import { isKnownDevice, rememberDevice } from './known-device.queries';
import {
  assertNotLocked,
  auditIdentity,
  lockedForSeconds,
  recordFailedAttempt,
  recordRefusal,
} from './lockout.service';
import { hashPassword, needsRehash, verifyPassword } from './password';
import { consumeRecoveryCode } from './recovery-codes';
import { deleteSession, type SessionRecord } from './session.queries';
import { type IssuedSession, rotateSession, startSession } from './session.service';
import { createToken, hashToken } from './tokens';
import { matchTotpStep } from './totp';
import { openTotpSecret, totpKeyFrom } from './totp-secret-box';
import { unknownAccountLockoutOf } from './unknown-account-lockout';
import { findUserByEmail, findUserById, updateUser } from './user.queries';
import { boundedUserAgent, summariseUserAgent } from './user-agent-summary';

type Deps = Pick<ModuleDeps, 'db' | 'config'>;
/** What the browser says about itself at sign-in: its User-Agent and its device cookie, if any. */
export type SignInClient = { userAgent?: string; deviceToken?: string };
export type SignedIn = IssuedSession & { deviceToken: string };

const dummyHashes = new Map<number, Promise<string>>();
// An unknown email costs one scrypt like a known one, so response time does not reveal accounts.
function dummyHash(logN: number): Promise<string> {
  let hash = dummyHashes.get(logN);
  if (!hash) {
    hash = hashPassword('not-a-real-password', logN);
    dummyHashes.set(logN, hash);
  }
  return hash;
}

/**
 * An email with no account answers as an account would: one scrypt, auth.invalid_credentials,
 * and after five in a row auth.locked for 15 minutes (unknown-account-lockout.ts).
 */
async function refuseUnknownEmail(deps: Deps, ctx: RequestContext, input: LoginRequest): Promise<never> {
  const { db, config } = deps;
  const lockout = unknownAccountLockoutOf(db);
  await verifyPassword(input.password, await dummyHash(config.PASSWORD_SCRYPT_LOG_N));
  const nowMs = clock.now().getTime();
  const lockedSeconds = lockout.lockedForSeconds(input.email, nowMs);
  const lockMinutes = lockedSeconds > 0 ? 0 : lockout.recordFailure(input.email, nowMs);
  await recordRefusal(deps, ctx, {
    action: 'auth.login',
    outcome: 'failure',
    actorLabel: input.email,
    municipalityCode: null,
    details: { reason: 'unknown_email', ...(lockedSeconds > 0 || lockMinutes > 0 ? { locked: true } : {}) },
  });
  if (lockedSeconds > 0) throw new AppError('auth.locked', { retryAfterSeconds: lockedSeconds });
  if (lockMinutes > 0) throw new AppError('auth.locked', { retryAfterSeconds: lockMinutes * 60 });
  throw new AppError('auth.invalid_credentials');
}

/**
 * Checks email and password and starts a new session (two-factor still to come where needed).
 * Throws auth.invalid_credentials, auth.locked, auth.account_disabled.
 */
export async function login(
  deps: Deps & Pick<ModuleDeps, 'kickMail'>,
  ctx: RequestContext,
  input: LoginRequest,
  replacesSessionId?: string,
  client: SignInClient = {},
): Promise<SignedIn> {
  const { db, config } = deps;
  const user = await findUserByEmail(db, input.email);
  if (!user) return refuseUnknownEmail(deps, ctx, input);
  // The password is checked even while locked: a locked account costs one scrypt like an
  // unknown email, so the time of the answer does not tell them apart.
  const passwordMatches = await verifyPassword(input.password, user.password_hash);
  if (lockedForSeconds(user) > 0) {
    await recordRefusal(deps, ctx, {
      action: 'auth.login',
      outcome: 'failure',
      recordType: 'user',
      recordId: user.id,
      details: { reason: 'locked' },
      ...auditIdentity(user),
    });
    assertNotLocked(user);
  }
  if (!passwordMatches) {
    return recordFailedAttempt(deps, ctx, user.id, {
      action: 'auth.login',
      reason: 'wrong_password',
      failureCode: 'auth.invalid_credentials',
    });
  }
  if (user.status !== 'active') {
    await recordRefusal(deps, ctx, {
      action: 'auth.login',
      outcome: 'failure',
      recordType: 'user',
      recordId: user.id,
      details: { reason: 'disabled' },
      ...auditIdentity(user),
    });
    throw new AppError('auth.account_disabled');
  }
  const rehashed = needsRehash(user.password_hash, config.PASSWORD_SCRYPT_LOG_N)
    ? await hashPassword(input.password, config.PASSWORD_SCRYPT_LOG_N)
    : undefined;
  const deviceToken = client.deviceToken ?? createToken();
  const deviceHash = hashToken(deviceToken);
  // The password is checked before the use case: a transaction is not held open through scrypt.
  const signedIn = await runUseCase(
    deps,
    ctx,
    async ({ trx, now, audit }) => {
      // Only the password counter: wrong codes keep counting across password steps.
      await updateUser(trx, user.id, {
        failed_attempts: 0,
        locked_until: null,
        last_login_at: now,
        ...(rehashed ? { password_hash: rehashed } : {}),
      });
      const issued = await startSession(trx, {
        userId: user.id,
        clientIp: ctx.clientIp,
        userAgent: boundedUserAgent(client.userAgent),
        deviceHash,
        replacesSessionId,
        maxSessions: config.SESSION_MAX_PER_USER,
      });
      const newDevice = !client.deviceToken || !(await isKnownDevice(trx, user.id, deviceHash));
      const endedSessions = issued.endedSessions ?? 0;
      await audit({
        action: 'auth.login',
        outcome: 'success',
        recordType: 'user',
        recordId: user.id,
        details: {
          twoFactorEnrolled: user.totp_secret !== null,
          newDevice,
          ...(endedSessions > 0 ? { endedSessions, maxSessions: config.SESSION_MAX_PER_USER } : {}),
        },
        ...auditIdentity(user),
      });
      // Mailed at the password step, before two-factor: a correct password from a new browser is
      // what the owner needs to hear about, even when the code that follows is wrong.
      if (newDevice) {
        await enqueueMail(trx, {
          kind: 'new_device_sign_in',
          to: user.email,
          municipalityCode: user.municipality_code.trim(),
          ...newDeviceSignInMail({
            at: now,
            device: summariseUserAgent(client.userAgent),
            network: truncatedAddress(ctx.clientIp),
            endedSessions,
            maxSessions: config.SESSION_MAX_PER_USER,
          }),
        });
      }
      return { ...issued, deviceToken, newDevice };
    },
    { requireActor: false },
  );
  if (signedIn.newDevice) deps.kickMail();
  return signedIn;
}

/**
 * Second step of login: a TOTP code (each time-step usable once) or an unused recovery code.
 * Rotates the session. Throws auth.totp_invalid, auth.locked, auth.totp_enrolment_required.
 */
export async function verifySecondFactor(
  deps: Deps,
  ctx: RequestContext,
  session: SessionRecord,
  input: TotpVerifyRequest,
): Promise<IssuedSession> {
  const { db } = deps;
  const user = await findUserById(db, session.userId);
  if (!user) throw new AppError('auth.session_expired');
  assertNotLocked(user);
  if (!user.totp_secret) throw new AppError('auth.totp_enrolment_required');
  const secret = openTotpSecret(user.totp_secret, totpKeyFrom(deps.config));
  const method = 'code' in input ? 'totp' : 'recovery_code';
  // A wrong code leaves this use case empty-handed (nothing written); the failure is then counted
  // in its own use case, which commits although the request fails.
  const issued = await runUseCase(deps, ctx, async ({ trx, now, audit }) => {
    const locked = await findUserById(trx, user.id, { lock: true });
    if (!locked) return undefined;
    if ('code' in input) {
      // The row lock makes the replay check and the step update one atomic step.
      const step = matchTotpStep(secret, input.code, now, locked.totp_last_step);
      if (step === undefined) return undefined;
      await updateUser(trx, user.id, { totp_last_step: step, failed_attempts: 0, totp_failed_attempts: 0 });
    } else {
      if (!(await consumeRecoveryCode(trx, user.id, input.recoveryCode))) return undefined;
      await updateUser(trx, user.id, { failed_attempts: 0, totp_failed_attempts: 0 });
    }
    const rotated = await rotateSession(trx, session.sessionId, { twoFactorVerified: true });
    // Only a completed sign-in makes the browser known: a password alone must keep mailing.
    if (session.deviceHash) await rememberDevice(trx, user.id, session.deviceHash, now);
    await audit({
      action: method === 'totp' ? 'auth.totp' : 'auth.recovery_code',
      outcome: 'success',
      recordType: 'user',
      recordId: user.id,
    });
    return rotated;
  });
  if (issued) return issued;
  return recordFailedAttempt(deps, ctx, user.id, {
    action: method === 'totp' ? 'auth.totp' : 'auth.recovery_code',
    reason: method === 'totp' ? 'wrong_or_used_code' : 'wrong_or_used_recovery_code',
    failureCode: 'auth.totp_invalid',
  });
}

/** Ends the session (logout). Never throws for an already-ended session. */
export async function logout(
  deps: Deps,
  ctx: RequestContext,
  session: SessionRecord | undefined,
): Promise<void> {
  if (!session) return;
  await runUseCase(deps, ctx, async ({ trx, audit }) => {
    await deleteSession(trx, session.sessionId);
    await audit({ action: 'auth.logout', recordType: 'user', recordId: session.userId });
  });
}
