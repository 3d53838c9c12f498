import type { CareRole } from '../../../contracts/patients';
import type { Executor } from '../../platform/db/schema';
import './care-circle.table';

export type CircleMemberRow = {
  id: string;
  patient_id: string;
  role: CareRole;
  facility_id: string | null;
  facility_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  person_name: string | null;
  valid_from: Date;
  valid_to: Date | null;
  start_reason: string | null;
  end_reason: string | null;
};

function memberQuery(executor: Executor, municipalityCode: string, patientId: string) {
  return executor
    .selectFrom('care_circle_memberships as c')
    .leftJoin('facilities as f', 'f.id', 'c.facility_id')
    .leftJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.patient_id',
      'c.role',
      'c.facility_id',
      'f.name as facility_name',
      'c.organisation_id',
      'o.name as organisation_name',
      'c.person_name',
      'c.valid_from',
      'c.valid_to',
      'c.start_reason',
      'c.end_reason',
    ])
    .where('c.municipality_code', '=', municipalityCode)
    .where('c.patient_id', '=', patientId);
}

/** The current memberships of a patient's circle (no access check: callers went through assertPatientAccess). */
export function listCurrentCircle(
  executor: Executor,
  municipalityCode: string,
  patientId: string,
): Promise<CircleMemberRow[]> {
  return currentCircleQuery(executor, municipalityCode, patientId).execute() as Promise<CircleMemberRow[]>;
}

/** The current circle as a query (the patient page reads it inside its one statement). */
export function currentCircleQuery(executor: Executor, municipalityCode: string, patientId: string) {
  return memberQuery(executor, municipalityCode, patientId)
    .where('c.valid_to', 'is', null)
    .orderBy('c.role')
    .orderBy('c.valid_from');
}

/** Every membership, current and ended, newest first: who was the family doctor, from when to when. */
export function listCircleHistory(
  executor: Executor,
  municipalityCode: string,
  patientId: string,
): Promise<CircleMemberRow[]> {
  return memberQuery(executor, municipalityCode, patientId)
    .orderBy('c.valid_from', 'desc')
    .orderBy('c.id', 'desc')
    .execute() as Promise<CircleMemberRow[]>;
}

export function findCircleMember(executor: Executor, patientId: string, memberId: string) {
  return executor
    .selectFrom('care_circle_memberships')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('id', '=', memberId)
    .forUpdate()
    .executeTakeFirst();
}

export function listCurrentHolders(executor: Executor, patientId: string, role: CareRole) {
  return executor
    .selectFrom('care_circle_memberships')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('role', '=', role)
    .where('valid_to', 'is', null)
    .forUpdate()
    .execute();
}

export async function endMemberships(
  executor: Executor,
  ids: string[],
  end: { validTo: Date; reason: string | null; endedBy: string | null },
): Promise<void> {
  if (ids.length === 0) return;
  await executor
    .updateTable('care_circle_memberships')
    .set({ valid_to: end.validTo, end_reason: end.reason, ended_by: end.endedBy })
    .where('id', 'in', ids)
    .where('valid_to', 'is', null)
    .execute();
}

export function insertMembership(
  executor: Executor,
  row: {
    municipality_code: string;
    patient_id: string;
    role: CareRole;
    facility_id: string | null;
    organisation_id: string | null;
    person_name: string | null;
    valid_from: Date;
    start_reason: string | null;
    created_by: string | null;
  },
) {
  return executor.insertInto('care_circle_memberships').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The facility exists in some municipality's directory (a hospital may lie outside the ward). */
export async function facilityExists(executor: Executor, facilityId: string): Promise<boolean> {
  const row = await executor
    .selectFrom('facilities')
    .select('id')
    .where('id', '=', facilityId)
    .executeTakeFirst();
  return row !== undefined;
}

export function findOrganisation(executor: Executor, municipalityCode: string, organisationId: string) {
  return executor
    .selectFrom('organisations')
    .select(['id', 'kind', 'facility_id'])
    .where('id', '=', organisationId)
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
}

/** The accounts organisation linked to a directory facility, if any (organisations.facility_id). */
export async function findOrganisationOfFacility(
  executor: Executor,
  municipalityCode: string,
  facilityId: string,
): Promise<string | undefined> {
  const row = await executor
    .selectFrom('organisations')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('facility_id', '=', facilityId)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export type OrganisationUserRow = {
  user_id: string;
  email: string;
  display_name: string;
  organisation_id: string;
  role: string;
};

/** Active users holding a clinical or coordinating role in these organisations (whom to notify). */
export function listUsersOfOrganisations(
  executor: Executor,
  organisationIds: string[],
  roles: readonly string[],
): Promise<OrganisationUserRow[]> {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return executor
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as user_id', 'u.email', 'u.display_name', 'm.organisation_id', 'm.role'])
    .where('m.organisation_id', 'in', organisationIds)
    .where('m.role', 'in', roles as never)
    .where('u.status', '=', 'active')
    .orderBy('u.email')
    .execute();
}
