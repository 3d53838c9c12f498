import type { Transaction } from 'kysely';
import { type ReferralRole, ROLE_FILLED_REASON, referralRoles } from '../../../contracts/referrals';
import { writeAudit } from '../../platform/audit/audit.service';
import type { Database } from '../../platform/db/schema';
import type { CircleJoin } from '../patients';
import { updateTask } from './discharge-case.queries';
import { listOpenReferralsForRole, type ReferralRow, updateReferral } from './referral.queries';
import { notifyRecipient } from './referral-notices';
import { referralWorkflow } from './referral-status';

/**
 * The circle's join hook (registered by the discharge module): when a role is filled — a provider
 * change confirmed or shared, a member added on the patient page, a referral completed — the open
 * referrals of the patient for that role close, so none is left dangling. The one the new member
 * accepted completes; the others are cancelled with `role_filled` and their recipients told.
 */
export async function closeReferralsOnJoin(trx: Transaction<Database>, join: CircleJoin): Promise<void> {
  if (!(referralRoles as readonly string[]).includes(join.role)) return;
  const open = await listOpenReferralsForRole(trx, join.patientId, join.role as ReferralRole);
  for (const row of open) {
    const joined =
      (row.recipient_facility_id !== null && row.recipient_facility_id === join.facilityId) ||
      (row.recipient_organisation_id !== null && row.recipient_organisation_id === join.organisationId);
    const event = joined && row.status === 'accepted' ? 'complete' : 'cancel';
    const status = referralWorkflow.next(row.status, event, 'system');
    const updated = await updateReferral(trx, row.id, {
      status,
      reason: event === 'cancel' ? ROLE_FILLED_REASON : row.reason,
      closed_at: join.at,
      updated_at: join.at,
    });
    await finishReferralTask(trx, row, join.at);
    // Every referral state change is audited: here with the request and actor of the circle change.
    await writeAudit(trx, join.ctx, {
      action: `discharge.referral.${event}`,
      recordType: 'referral',
      recordId: row.id,
      patientId: row.patient_id,
      actorUserId: join.actorUserId,
      municipalityCode: join.municipalityCode,
      details: {
        from: row.status,
        to: status,
        party: 'system',
        ...(event === 'cancel' ? { reason: ROLE_FILLED_REASON } : {}),
        memberId: join.memberId,
      },
    });
    if (event === 'cancel' && row.status !== 'draft') await notifyRecipient(trx, updated, 'cancelled');
  }
}

/** The case's "wait for the answer" task of this referral is done once it is answered or closed. */
export async function finishReferralTask(
  trx: Transaction<Database>,
  row: ReferralRow,
  at: Date,
): Promise<void> {
  if (row.case_id && row.task_id) await updateTask(trx, row.case_id, row.task_id, true, at);
}
