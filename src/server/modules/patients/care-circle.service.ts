import type { Transaction } from 'kysely';
import type { CareRole, CircleMember } from '../../../contracts/patients';
import type { Actor, RequestContext } from '../../platform/context';
import type { Database, Executor } from '../../platform/db/schema';
import { AppError, isUniqueViolation } from '../../platform/errors';
import {
  endMemberships,
  facilityExists,
  findCircleMember,
  findOrganisation,
  findOrganisationOfFacility,
  insertMembership,
  listCurrentCircle,
  listCurrentHolders,
  listUsersOfOrganisations,
  type OrganisationUserRow,
} from './care-circle.queries';
import { toCircleMember } from './patient.presenter';
import { CLINICAL_ROLES } from './patient-access.policy';
import { runCircleJoinHandlers } from './patient-sections';

export type CircleChange = {
  patientId: string;
  role: CareRole;
  facilityId?: string | null;
  organisationId?: string | null;
  personName?: string | null;
  /** When the new holder starts (and the old one ends). Not in the future. */
  from: Date;
  reason?: string | null;
  actor: Pick<Actor, 'userId' | 'municipalityCode'>;
  /** The request behind the change: the join handlers audit what they close with it. */
  ctx?: RequestContext;
};

/** The current circle, presented (callers have passed assertPatientAccess). */
export async function currentCircle(
  executor: Executor,
  municipalityCode: string,
  patientId: string,
): Promise<CircleMember[]> {
  return (await listCurrentCircle(executor, municipalityCode, patientId)).map(toCircleMember);
}

async function lockPatient(trx: Transaction<Database>, municipalityCode: string, patientId: string) {
  const row = await trx
    .selectFrom('patients')
    .select('id')
    .where('id', '=', patientId)
    .where('municipality_code', '=', municipalityCode)
    .where('status', '=', 'active')
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('patients.not_found');
}

async function resolveMember(trx: Transaction<Database>, change: CircleChange) {
  const municipalityCode = change.actor.municipalityCode;
  const facilityId = change.facilityId ?? null;
  let organisationId = change.organisationId ?? null;
  if (facilityId && !(await facilityExists(trx, facilityId))) throw new AppError('patients.unknown_facility');
  if (organisationId && !(await findOrganisation(trx, municipalityCode, organisationId))) {
    throw new AppError('patients.unknown_organisation');
  }
  // The facility's own organisation, when it has one, so its staff see the patient.
  if (!organisationId && facilityId) {
    organisationId = (await findOrganisationOfFacility(trx, municipalityCode, facilityId)) ?? null;
  }
  if (!facilityId && !organisationId && !change.personName) throw new AppError('request.invalid');
  return { facilityId, organisationId, personName: change.personName ?? null };
}

async function insertMember(trx: Transaction<Database>, change: CircleChange): Promise<string> {
  const member = await resolveMember(trx, change);
  try {
    const { id } = await insertMembership(trx, {
      municipality_code: change.actor.municipalityCode,
      patient_id: change.patientId,
      role: change.role,
      facility_id: member.facilityId,
      organisation_id: member.organisationId,
      person_name: member.personName,
      valid_from: change.from,
      start_reason: change.reason ?? null,
      created_by: change.actor.userId,
    });
    await runCircleJoinHandlers(trx, {
      patientId: change.patientId,
      municipalityCode: change.actor.municipalityCode,
      role: change.role,
      memberId: id,
      facilityId: member.facilityId,
      organisationId: member.organisationId,
      at: change.from,
      actorUserId: change.actor.userId,
      ctx: change.ctx,
    });
    return id;
  } catch (error) {
    if (isUniqueViolation(error, 'care_circle_one_facility_per_role'))
      throw new AppError('patients.member_duplicate');
    throw error;
  }
}

function assertNotFuture(at: Date, now: Date) {
  if (at.getTime() > now.getTime() + 60_000) throw new AppError('patients.date_in_future');
}

/**
 * Hands a role to a new holder: ends every current holder of the role at `from` and starts the new
 * one (history kept). The discharge module calls it when a provider change is confirmed. Run inside
 * the caller's transaction, after assertPatientAccess(…, 'write'). Throws patients.not_found,
 * patients.unknown_facility, patients.unknown_organisation, patients.date_in_future,
 * patients.date_before_start, patients.member_duplicate.
 */
export async function changeCircleMember(
  trx: Transaction<Database>,
  change: CircleChange,
  now: Date = new Date(),
): Promise<{ memberId: string; endedIds: string[] }> {
  assertNotFuture(change.from, now);
  await lockPatient(trx, change.actor.municipalityCode, change.patientId);
  const holders = await listCurrentHolders(trx, change.patientId, change.role);
  if (holders.some((h) => h.valid_from.getTime() > change.from.getTime())) {
    throw new AppError('patients.date_before_start');
  }
  const endedIds = holders.map((h) => h.id);
  await endMemberships(trx, endedIds, {
    validTo: change.from,
    reason: change.reason ?? null,
    endedBy: change.actor.userId,
  });
  const memberId = await insertMember(trx, change);
  return { memberId, endedIds };
}

/**
 * Adds a member without ending the current holders (shared care: the family doctor stays and a
 * home-visit doctor joins; a second visiting-nurse station). Same codes as changeCircleMember.
 */
export async function addCircleMember(
  trx: Transaction<Database>,
  change: CircleChange,
  now: Date = new Date(),
): Promise<{ memberId: string }> {
  assertNotFuture(change.from, now);
  await lockPatient(trx, change.actor.municipalityCode, change.patientId);
  return { memberId: await insertMember(trx, change) };
}

/** Ends one membership (moved away, stopped visiting). Throws patients.member_not_found, patients.member_already_ended. */
export async function endCircleMember(
  trx: Transaction<Database>,
  input: { patientId: string; memberId: string; validTo: Date; reason: string; actor: Pick<Actor, 'userId'> },
  now: Date = new Date(),
): Promise<void> {
  assertNotFuture(input.validTo, now);
  const member = await findCircleMember(trx, input.patientId, input.memberId);
  if (!member) throw new AppError('patients.member_not_found');
  if (member.valid_to) throw new AppError('patients.member_already_ended');
  if (member.valid_from.getTime() > input.validTo.getTime()) throw new AppError('patients.date_before_start');
  await endMemberships(trx, [member.id], {
    validTo: input.validTo,
    reason: input.reason,
    endedBy: input.actor.userId,
  });
}

/** Active users with a clinical or coordinating role in these organisations (to notify them). */
export function usersOfOrganisations(
  executor: Executor,
  organisationIds: string[],
): Promise<OrganisationUserRow[]> {
  return listUsersOfOrganisations(executor, organisationIds, CLINICAL_ROLES);
}

/** The users acting for the current holders of these roles in a patient's circle (e.g. the incumbent). */
export async function usersOfCircleRoles(
  executor: Executor,
  municipalityCode: string,
  patientId: string,
  roles: CareRole[],
): Promise<Array<OrganisationUserRow & { careRole: CareRole; memberId: string }>> {
  const members = (await listCurrentCircle(executor, municipalityCode, patientId)).filter(
    (m) => roles.includes(m.role) && m.organisation_id,
  );
  const users = await usersOfOrganisations(
    executor,
    members.map((m) => m.organisation_id as string),
  );
  return members.flatMap((m) =>
    users
      .filter((u) => u.organisation_id === m.organisation_id)
      .map((u) => ({ ...u, careRole: m.role, memberId: m.id })),
  );
}
