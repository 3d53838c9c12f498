import type { Transaction } from 'kysely';
import { ChangeableRole } from '../../../contracts/discharge';
import type { ReferralSendBody } from '../../../contracts/referrals';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { currentCircle } from '../patients';
import { findChange } from './provider-change.queries';
import { mayRequestReferral } from './provider-change-status';
import type { ReferralRow } from './referral.queries';

/** Allowance for clocks of the client and the server a little apart (an agreement "just now"). */
const CLOCK_SKEW_MS = 60_000;

/**
 * The continuity gate in front of sending a referral (README: Referrals): the consent of its
 * provider change, or — when nobody is replaced — the patient's agreement, returned as the columns
 * to store. Throws continuity.consent_missing, continuity.consent_in_future, referrals.change_closed,
 * referrals.change_required.
 */
export async function assertGate(
  trx: Transaction<Database>,
  row: ReferralRow,
  body: ReferralSendBody,
  now: Date,
) {
  if (row.provider_change_id) {
    const change = await findChange(trx, row.municipality_code, row.provider_change_id, true);
    if (!change) throw new AppError('not_found');
    if (change.status === 'withdrawn' || change.status === 'kept_current')
      throw new AppError('referrals.change_closed');
    if (!mayRequestReferral(change.status)) throw new AppError('continuity.consent_missing');
    return {};
  }
  const changeable = (ChangeableRole.options as readonly string[]).includes(row.role);
  if (changeable) {
    const held = (await currentCircle(trx, row.municipality_code, row.patient_id)).some(
      (m) => m.role === row.role,
    );
    if (held) throw new AppError('referrals.change_required');
  }
  const given = body?.agreement;
  if (!given) {
    if (row.agreement_given_at) return {};
    throw new AppError('continuity.consent_missing');
  }
  const givenAt = new Date(given.givenAt);
  if (givenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError('continuity.consent_in_future');
  return {
    agreement_given_by: given.givenBy,
    agreement_method: given.method,
    agreement_given_at: givenAt.getTime() > now.getTime() ? now : givenAt,
    agreement_note: given.note ?? null,
  };
}
