import QRCode from 'qrcode';
import type { TotpEnrolmentResponse } from '../../../contracts/accounts';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { runUseCase } from '../../platform/use-case';
import { mailCredentialChange } from './account-security-mail';
import { rememberDevice } from './known-device.queries';
import { assertNotLocked, recordFailedAttempt } from './lockout.service';
import { replaceRecoveryCodes } from './recovery-codes';
import { type SessionRecord, updateSession } from './session.queries';
import { type IssuedSession, rotateSession } from './session.service';
import { generateTotpSecret, matchTotpStep, otpauthUri } from './totp';
import { openTotpSecret, sealTotpSecret, totpKeyFrom } from './totp-secret-box';
import { findUserById, updateUser } from './user.queries';

type Deps = Pick<ModuleDeps, 'db' | 'config' | 'kickMail'>;
const ISSUER = 'Zaitaku';

/**
 * Offers a new TOTP secret (QR code and otpauth URI) kept on the session until confirmed.
 * Throws auth.totp_already_enrolled.
 */
export async function startTotpEnrolment(
  deps: Deps,
  ctx: RequestContext,
  session: SessionRecord,
): Promise<TotpEnrolmentResponse> {
  if (session.totpEnrolled) throw new AppError('auth.totp_already_enrolled');
  const secret = generateTotpSecret();
  const uri = otpauthUri(secret, session.email, ISSUER);
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  await runUseCase(deps, ctx, async ({ trx, audit }) => {
    await updateSession(trx, session.sessionId, {
      pending_totp_secret: sealTotpSecret(secret, totpKeyFrom(deps.config)),
    });
    await audit({
      action: 'auth.totp_enrolment_start',
      recordType: 'user',
      recordId: session.userId,
    });
  });
  return {
    secret,
    otpauthUri: uri,
    qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}

/**
 * Activates the offered secret when the first code matches, issues ten recovery codes and
 * rotates the session as two-factor verified. Throws auth.totp_enrolment_not_started,
 * auth.totp_already_enrolled, auth.totp_invalid, auth.locked.
 */
export async function confirmTotpEnrolment(
  deps: Deps,
  ctx: RequestContext,
  session: SessionRecord,
  code: string,
): Promise<{ issued: IssuedSession; recoveryCodes: string[] }> {
  if (!session.pendingTotpSecret) throw new AppError('auth.totp_enrolment_not_started');
  const key = totpKeyFrom(deps.config);
  const secret = openTotpSecret(session.pendingTotpSecret, key);
  const user = await findUserById(deps.db, session.userId);
  if (!user) throw new AppError('auth.session_expired');
  assertNotLocked(user);
  if (user.totp_secret) throw new AppError('auth.totp_already_enrolled');
  const step = matchTotpStep(secret, code, clock.now());
  if (step === undefined) {
    return recordFailedAttempt(deps, ctx, user.id, {
      action: 'auth.totp_enrol',
      reason: 'wrong_code',
      failureCode: 'auth.totp_invalid',
    });
  }
  const confirmed = await runUseCase(deps, ctx, async ({ trx, now, audit }) => {
    const locked = await findUserById(trx, user.id, { lock: true });
    if (locked?.totp_secret) throw new AppError('auth.totp_already_enrolled');
    await updateUser(trx, user.id, {
      totp_secret: sealTotpSecret(secret, key),
      totp_enrolled_at: now,
      totp_last_step: step,
      failed_attempts: 0,
      totp_failed_attempts: 0,
    });
    const recoveryCodes = await replaceRecoveryCodes(trx, user.id);
    const issued = await rotateSession(trx, session.sessionId, { twoFactorVerified: true });
    if (session.deviceHash) await rememberDevice(trx, user.id, session.deviceHash, now);
    await audit({ action: 'auth.totp_enrol', recordType: 'user', recordId: user.id });
    await mailCredentialChange(trx, {
      change: 'two_factor_enrolled',
      user,
      at: now,
      clientIp: ctx.clientIp,
      userAgent: session.userAgent,
    });
    return { issued, recoveryCodes };
  });
  deps.kickMail();
  return confirmed;
}

/**
 * Replaces the recovery codes after checking a current app code (a stolen session alone cannot
 * mint codes). Throws auth.totp_invalid, auth.totp_enrolment_required, auth.locked.
 */
export async function regenerateRecoveryCodes(
  deps: Deps,
  ctx: RequestContext,
  session: SessionRecord,
  code: string,
): Promise<string[]> {
  const user = await findUserById(deps.db, session.userId);
  if (!user) throw new AppError('auth.session_expired');
  assertNotLocked(user);
  if (!user.totp_secret) throw new AppError('auth.totp_enrolment_required');
  const secret = openTotpSecret(user.totp_secret, totpKeyFrom(deps.config));
  // A wrong code leaves this use case empty-handed; the failure is counted in its own, which commits.
  const codes = await runUseCase(deps, ctx, async ({ trx, now, audit }) => {
    const locked = await findUserById(trx, user.id, { lock: true });
    const step = matchTotpStep(secret, code, now, locked?.totp_last_step ?? null);
    if (step === undefined) return undefined;
    await updateUser(trx, user.id, { totp_last_step: step, failed_attempts: 0, totp_failed_attempts: 0 });
    const fresh = await replaceRecoveryCodes(trx, user.id);
    await audit({
      action: 'auth.recovery_codes_regenerate',
      recordType: 'user',
      recordId: user.id,
    });
    await mailCredentialChange(trx, {
      change: 'recovery_codes_regenerated',
      user,
      at: now,
      clientIp: ctx.clientIp,
      userAgent: session.userAgent,
    });
    return fresh;
  });
  if (codes) {
    deps.kickMail();
    return codes;
  }
  return recordFailedAttempt(deps, ctx, user.id, {
    action: 'auth.recovery_codes_regenerate',
    reason: 'wrong_or_used_code',
    failureCode: 'auth.totp_invalid',
  });
}
