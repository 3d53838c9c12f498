import type { CapacityDto } from '../../../contracts/directory-core';
import type { ReferralDto, ReferredPatient } from '../../../contracts/referrals';
import { recordAccesses } from '../../platform/access-log/access-log.service';
import type { Actor, RequestContext } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { findFacilityRecord } from '../directory';
import { assertPatientAccess, type PatientScope, readGrantedPatient, scopeOf } from '../patients';
import { isRecipient, referralPartyOf } from './referral.policy';
import { presentReferral } from './referral.presenter';
import { countOpenByRole, findReferral, type ReferralRow, type ReferralSummaryRow } from './referral.queries';
import { isVisibleToRecipient, referralWorkflow } from './referral-status';

/** How the caller reaches one referral: as its recipient (minimum data) or through the patient's circle. */
export type ReferralReach = {
  row: ReferralRow;
  scope: PatientScope;
  asRecipient: boolean;
  patient: ReferredPatient | null;
};

/**
 * The access rule of a referral (docs in the discharge README): the recipient organisation sees
 * it from sending on — the patient's minimum data only while it is open to them — through
 * readGrantedPatient (access log basis `referral`); everyone else needs the patient
 * (assertPatientAccess, basis circle/district/break-glass). Anything else is referrals.not_found.
 */
export async function reachReferral(
  executor: Executor,
  ctx: RequestContext,
  actor: Actor,
  id: string,
  purpose: 'read' | 'write',
  lock = false,
): Promise<ReferralReach> {
  const row = await findReferral(executor, actor.municipalityCode, id, lock);
  if (!row) throw new AppError('referrals.not_found');
  const scope = await scopeOf(executor, ctx);
  const record = { recordType: 'referral', recordId: row.id };
  if (row.status !== 'draft' && isRecipient(scope, row)) {
    if (isVisibleToRecipient(row.status)) {
      const patient = await readGrantedPatient(executor, ctx, row.patient_id, {
        basis: 'referral',
        ...record,
        action: purpose,
      });
      return { row, scope, asRecipient: true, patient };
    }
    // Closed: the recipient keeps the referral's outcome, not the patient's data.
    await recordAccesses(executor, ctx, [
      { patientId: row.patient_id, ...record, action: purpose, basis: 'referral' },
    ]);
    return { row, scope, asRecipient: true, patient: null };
  }
  try {
    await assertPatientAccess(executor, ctx, row.patient_id, purpose, record);
  } catch (error) {
    if ((error as AppError).code === 'patients.not_found') throw new AppError('referrals.not_found');
    throw error;
  }
  return { row, scope, asRecipient: false, patient: null };
}

/** The recipient facility's capacity signal now, with the date it was set (the directory's). */
export async function capacityOf(
  executor: Executor,
  row: Pick<ReferralRow, 'recipient_facility_id' | 'municipality_code'>,
): Promise<CapacityDto | null> {
  if (!row.recipient_facility_id) return null;
  const facility = await findFacilityRecord(executor, row.recipient_facility_id, {
    municipalityCode: row.municipality_code,
  });
  if (!facility?.capacity_signal || !facility.capacity_set_at) return null;
  return { signal: facility.capacity_signal, setAt: new Date(facility.capacity_set_at).toISOString() };
}

/** What a referral's DTO shows besides its row: the recipient's capacity now and the role's open referrals. */
type ReferralExtras = { capacity: CapacityDto | null; openForRole: number };

/**
 * DTOs for rows the caller has already reached (access recorded by the caller), reading the open
 * counts (one query) and each recipient's capacity (once per facility) for them: the incoming list
 * and a single referral. A patient's referrals come with both (presentReferralSummaries).
 */
export async function presentReferrals(
  executor: Executor,
  actor: Actor,
  scope: PatientScope,
  rows: ReferralRow[],
  patients: Map<string, ReferredPatient | null> = new Map(),
): Promise<ReferralDto[]> {
  const counts = await countOpenByRole(executor, [...new Set(rows.map((r) => r.patient_id))]);
  // A recipient's list names its own facility on every row: read each facility's capacity once.
  const capacities = new Map<string, Promise<CapacityDto | null>>();
  const capacityOnce = (row: ReferralRow) => {
    const key = row.recipient_facility_id ?? '';
    let found = capacities.get(key);
    if (!found) {
      found = capacityOf(executor, row);
      capacities.set(key, found);
    }
    return found;
  };
  return Promise.all(
    rows.map(async (row) =>
      presentReached(
        actor,
        scope,
        row,
        {
          capacity: await capacityOnce(row),
          openForRole: counts.get(`${row.patient_id}:${row.role}`) ?? 0,
        },
        patients.get(row.id) ?? null,
      ),
    ),
  );
}

/**
 * DTOs for a patient's referrals read with their extras (referralSummariesOfPatientQuery: the
 * patient page's statement, the case page's section): no further read. The caller reached them
 * through the patient's circle, so no row carries the recipient's grant of patient data.
 */
export function presentReferralSummaries(
  actor: Actor,
  scope: PatientScope,
  rows: ReferralSummaryRow[],
): ReferralDto[] {
  return rows.map(({ open_for_role, recipient_capacity_signal, recipient_capacity_set_at, ...row }) =>
    presentReached(
      actor,
      scope,
      row,
      {
        capacity:
          recipient_capacity_signal && recipient_capacity_set_at
            ? { signal: recipient_capacity_signal, setAt: new Date(recipient_capacity_set_at).toISOString() }
            : null,
        openForRole: Number(open_for_role ?? 0),
      },
      null,
    ),
  );
}

/** One DTO: the caller's actions on the referral from the workflow, and what the row shows. */
function presentReached(
  actor: Actor,
  scope: PatientScope,
  row: ReferralRow,
  extras: ReferralExtras,
  patient: ReferredPatient | null,
): ReferralDto {
  const party = referralPartyOf(actor, scope, row);
  const proxy = referralPartyOf(actor, scope, row, 'accept');
  const events = new Set([
    ...referralWorkflow.eventsFrom(row.status, party),
    ...(proxy === 'recipient' && party !== 'recipient'
      ? referralWorkflow.eventsFrom(row.status, 'recipient')
      : []),
  ]);
  // Naming the provider is the association desk's move only.
  if (!row.via_association) events.delete('name');
  else events.delete('accept');
  if (row.provider_change_id) events.delete('complete');
  return presentReferral(row, { ...extras, actions: [...events], patient });
}
