import type { ExpressionBuilder, Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { CapacitySignal } from '../../../contracts/directory-core';
import type { ReferralRole } from '../../../contracts/referrals';
import { openReferralStates } from '../../../contracts/referrals';
import { keysetPage, type TimePosition } from '../../platform/db/pagination';
import type { Database, Executor } from '../../platform/db/schema';
import type { ReferralTable } from './referral.table';

export type ReferralRow = Selectable<ReferralTable>;

export function insertReferral(trx: Transaction<Database>, values: Insertable<ReferralTable>) {
  return trx.insertInto('referrals').values(values).returningAll().executeTakeFirstOrThrow();
}

/** One referral of the municipality; `lock` for a workflow step (of two concurrent steps one waits). */
export function findReferral(executor: Executor, municipalityCode: string, id: string, lock = false) {
  let query = executor
    .selectFrom('referrals')
    .selectAll()
    .where('id', '=', id)
    .where('municipality_code', '=', municipalityCode);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function updateReferral(trx: Transaction<Database>, id: string, values: Updateable<ReferralTable>) {
  return trx
    .updateTable('referrals')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A patient's referrals with their summaries' extras (the case page's section). */
export function listReferralSummariesOfPatient(
  executor: Executor,
  municipalityCode: string,
  patientId: string,
) {
  return referralSummariesOfPatientQuery(executor, municipalityCode, patientId).execute();
}

/** A patient's referrals, newest first, as a query (the patient page's statement embeds it). */
export function referralsOfPatientQuery(executor: Executor, municipalityCode: string, patientId: string) {
  return executor
    .selectFrom('referrals')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .where('patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
}

/** A referral with what its summary shows besides the row (referralSummariesOfPatientQuery). */
export type ReferralSummaryRow = ReferralRow & {
  /** Open referrals of the patient for the row's role, this one included (a count: text on PostgreSQL). */
  open_for_role: number | string | null;
  /** The recipient facility's capacity signal now, and when it was set (the directory's). */
  recipient_capacity_signal: CapacitySignal | null;
  recipient_capacity_set_at: Date | null;
};

/**
 * referralsOfPatientQuery with what a summary shows besides the row: the open referrals for the
 * same role (the warning) and the recipient facility's capacity now, as scalar subqueries, so the
 * patient page's statement reads them with the rows (no read per referral afterwards).
 */
export function referralSummariesOfPatientQuery(
  executor: Executor,
  municipalityCode: string,
  patientId: string,
) {
  const capacity = (eb: ExpressionBuilder<Database, 'referrals'>) =>
    eb
      .selectFrom('facility_capacity as k')
      .innerJoin('facilities as f', 'f.id', 'k.facility_id')
      .whereRef('k.facility_id', '=', 'referrals.recipient_facility_id')
      .whereRef('f.municipality_code', '=', 'referrals.municipality_code');
  return referralsOfPatientQuery(executor, municipalityCode, patientId).select((eb) => [
    eb
      .selectFrom('referrals as o')
      .select((e) => e.fn.countAll<number>().as('n'))
      .whereRef('o.patient_id', '=', 'referrals.patient_id')
      .whereRef('o.role', '=', 'referrals.role')
      .where('o.status', 'in', [...openReferralStates])
      .as('open_for_role'),
    capacity(eb).select('k.signal').as('recipient_capacity_signal'),
    capacity(eb).select('k.set_at').as('recipient_capacity_set_at'),
  ]);
}

/** Open referrals of a patient for a role, locked (the system closes them when the role is filled). */
export function listOpenReferralsForRole(trx: Transaction<Database>, patientId: string, role: ReferralRole) {
  return trx
    .selectFrom('referrals')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('role', '=', role)
    .where('status', 'in', [...openReferralStates])
    .orderBy('created_at')
    .forUpdate()
    .execute();
}

/** How many open referrals each (patient, role) has (the "already open for this role" warning). */
export async function countOpenByRole(executor: Executor, patientIds: string[]) {
  if (patientIds.length === 0) return new Map<string, number>();
  const rows = await executor
    .selectFrom('referrals')
    .select(['patient_id', 'role', (eb) => eb.fn.countAll<string>().as('n')])
    .where('patient_id', 'in', patientIds)
    .where('status', 'in', [...openReferralStates])
    .groupBy(['patient_id', 'role'])
    .execute();
  return new Map(rows.map((r) => [`${r.patient_id}:${r.role}`, Number(r.n)]));
}

/**
 * Referrals addressed to the caller's organisations or their directory facilities, newest first,
 * never drafts (a draft is the sender's own).
 */
export function listIncomingReferrals(
  executor: Executor,
  input: {
    municipalityCode: string;
    organisationIds: string[];
    facilityIds: string[];
    open: boolean;
    after?: TimePosition;
    limit: number;
  },
) {
  let query = executor
    .selectFrom('referrals')
    .selectAll()
    .where('municipality_code', '=', input.municipalityCode)
    .where('status', '<>', 'draft')
    .where((eb) => {
      const parts = [];
      if (input.organisationIds.length > 0)
        parts.push(eb('recipient_organisation_id', 'in', input.organisationIds));
      if (input.facilityIds.length > 0) parts.push(eb('recipient_facility_id', 'in', input.facilityIds));
      return parts.length > 0 ? eb.or(parts) : eb.val(false);
    });
  if (input.open) query = query.where('status', 'in', ['sent', 'received', 'accepted']);
  return keysetPage(query, ['created_at', 'id'], 'desc', input.after)
    .limit(input.limit + 1)
    .execute();
}

/** The association desks (organisations of kind association) of the municipality. */
export function listAssociationDesks(executor: Executor, municipalityCode: string) {
  return executor
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('municipality_code', '=', municipalityCode)
    .where('kind', '=', 'association')
    .orderBy('name')
    .execute();
}

export function findAssociationDesk(executor: Executor, municipalityCode: string, id: string) {
  return executor
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('municipality_code', '=', municipalityCode)
    .where('kind', '=', 'association')
    .where('id', '=', id)
    .executeTakeFirst();
}
