import type { Transaction } from 'kysely';
import type { Actor, RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { addCircleMember, changeCircleMember, endCircleMember } from '../patients';
import type { ChangeRow } from './provider-change.queries';

/**
 * Writes a decided change into the circle of care (history kept by the patients module):
 * `replace` ends the incumbent and starts the new provider in its role; a switch from the family
 * doctor to a home-visit doctor ends the family doctor's membership and hands the home-visit role
 * over; `add` (shared care) keeps the incumbent and adds the new provider.
 */
export async function applyToCircle(
  trx: Transaction<Database>,
  actor: Actor,
  row: ChangeRow,
  mode: 'replace' | 'add',
  now: Date,
  ctx?: RequestContext,
): Promise<void> {
  const reason = `provider change ${row.id}`;
  const member = {
    patientId: row.patient_id,
    role: row.to_role,
    facilityId: row.to_facility_id,
    organisationId: row.to_organisation_id,
    personName: row.to_facility_id || row.to_organisation_id ? null : row.to_label,
    from: now,
    reason,
    actor,
    ctx,
  };
  if (mode === 'add') {
    await addCircleMember(trx, member, now);
    return;
  }
  if (row.to_role !== row.role && row.from_membership_id) {
    await endCircleMember(
      trx,
      { patientId: row.patient_id, memberId: row.from_membership_id, validTo: now, reason, actor },
      now,
    ).catch((error: { code?: string }) => {
      // The incumbent may have left the circle meanwhile; the handover still happens.
      if (error?.code !== 'patients.member_already_ended') throw error;
    });
  }
  await changeCircleMember(trx, member, now);
}
