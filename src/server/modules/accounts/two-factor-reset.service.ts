import type { AdminUser } from '../../../contracts/accounts';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { enqueueMail } from '../../platform/mail/outbox.service';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { twoFactorResetMail } from './account-mail';
import { toAdminUser } from './admin.presenter';
import { deleteRecoveryCodes } from './recovery-codes';
import { deleteSessionsOfUser } from './session.queries';
import { closeResetRequest, findOpenResetRequest, insertResetRequest } from './two-factor-reset.queries';
import { updateUser } from './user.queries';
import { findAdminUser } from './user-admin.queries';

const REQUEST_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Resets another person's two-factor (lost phone) in two steps: the first ward admin's call opens
 * a request (`pending: true`), a different ward admin's call carries it out. The person is mailed
 * at both steps, so a takeover cannot pass unseen. Throws not_found, user.cannot_change_self,
 * user.two_factor_reset_needs_second_admin.
 */
export async function resetTwoFactor(
  deps: Pick<ModuleDeps, 'db' | 'kickMail'>,
  ctx: RequestContext,
  id: string,
): Promise<{ user: AdminUser; pending: boolean }> {
  const result = await runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    if (actor.userId === id) throw new AppError('user.cannot_change_self');
    const user = await findAdminUser(trx, ctx.municipalityCode, id);
    if (!user) throw new AppError('not_found');
    let open = await findOpenResetRequest(trx, id);
    if (open && open.expires_at <= now) {
      await closeResetRequest(trx, open.id, { approvedBy: null, closedAt: now });
      open = undefined;
    }
    if (open?.requested_by === actor.userId) throw new AppError('user.two_factor_reset_needs_second_admin');
    const mailTo = async (step: 'requested' | 'done', requestedBy: string) =>
      enqueueMail(trx, {
        kind: 'two_factor_reset',
        to: user.email,
        municipalityCode: ctx.municipalityCode,
        ...twoFactorResetMail({ step, requestedBy, approvedBy: actor.email, at: now }),
      });
    if (!open) {
      const requestId = await insertResetRequest(trx, {
        municipalityCode: ctx.municipalityCode,
        userId: id,
        requestedBy: actor.userId,
        requestedByLabel: actor.email,
        expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_MS),
      });
      await mailTo('requested', actor.email);
      await audit({
        action: 'user.reset_two_factor_request',
        recordType: 'user',
        recordId: id,
        details: { requestId },
      });
      return { pending: true };
    }
    // Lost phone: the user enrols again at next login; their recovery codes go with the old secret.
    await updateUser(trx, id, {
      totp_secret: null,
      totp_enrolled_at: null,
      totp_last_step: null,
      totp_failed_attempts: 0,
    });
    await deleteRecoveryCodes(trx, id);
    await deleteSessionsOfUser(trx, id);
    await closeResetRequest(trx, open.id, { approvedBy: actor.userId, closedAt: now });
    await mailTo('done', open.requested_by_label);
    await audit({
      action: 'user.reset_two_factor',
      recordType: 'user',
      recordId: id,
      details: { requestId: open.id, requestedBy: open.requested_by, approvedBy: actor.userId },
    });
    return { pending: false };
  });
  deps.kickMail();
  const user = await findAdminUser(deps.db, ctx.municipalityCode, id);
  if (!user) throw new AppError('not_found');
  return { user: toAdminUser(user), pending: result.pending };
}
