import { type Expression, type SqlBool, sql } from 'kysely';
import type { AccessBasis } from '../../../contracts/patients';
import type { Actor } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import { clinicalOrganisationIds, type PatientScope } from './patient-access.policy';
import './care-circle.table';
import './patient.table';

/** The caller's scope: one small query over their own organisations (no patient rows read). */
export async function resolvePatientScope(executor: Executor, actor: Actor): Promise<PatientScope> {
  const organisationIds = clinicalOrganisationIds(actor);
  const centreOrganisations = new Set(
    actor.memberships.filter((m) => m.role === 'center_staff').map((m) => m.organisationId),
  );
  const scope: PatientScope = {
    municipalityCode: actor.municipalityCode,
    userId: actor.userId,
    organisationIds: [],
    facilityIds: [],
    districtCodes: [],
  };
  if (organisationIds.length === 0) return scope;
  const rows = await executor
    .selectFrom('organisations as o')
    .leftJoin('facilities as f', 'f.id', 'o.facility_id')
    .select(['o.id', 'o.kind', 'o.facility_id', 'f.district_code'])
    .where('o.id', 'in', organisationIds)
    .where('o.municipality_code', '=', actor.municipalityCode)
    .execute();
  for (const row of rows) {
    scope.organisationIds.push(row.id);
    if (row.facility_id) scope.facilityIds.push(row.facility_id);
    if (row.kind === 'community_support_center' && centreOrganisations.has(row.id) && row.district_code) {
      scope.districtCodes.push(row.district_code);
    }
  }
  return scope;
}

function inList(values: string[], cast: 'uuid' | 'text') {
  return sql.join(values.map((v) => sql`${v}::${sql.raw(cast)}`));
}

/** Current membership of one of the caller's organisations (directly or through its facility). */
function circleCondition(scope: PatientScope) {
  const parts = [];
  if (scope.organisationIds.length > 0)
    parts.push(sql`c.organisation_id in (${inList(scope.organisationIds, 'uuid')})`);
  if (scope.facilityIds.length > 0) parts.push(sql`c.facility_id in (${inList(scope.facilityIds, 'uuid')})`);
  if (parts.length === 0) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from care_circle_memberships c
    where c.patient_id = patients.id and c.valid_to is null and (${sql.join(parts, sql` or `)}))`;
}

function districtCondition(scope: PatientScope) {
  if (scope.districtCodes.length === 0) return sql<boolean>`false`;
  return sql<boolean>`patients.district_code in (${inList(scope.districtCodes, 'text')})`;
}

function breakGlassCondition(scope: PatientScope, now: Date) {
  return sql<boolean>`exists (select 1 from patient_break_glass b
    where b.patient_id = patients.id and b.user_id = ${scope.userId}::uuid and b.expires_at > ${now})`;
}

/**
 * The one visibility rule, as a WHERE on a query `from patients`: active patients of the caller's
 * municipality in one of their circles, in their 包括 centre's district, or break-glassed by them.
 * Lists, searches and counts all go through it, so none reveals a patient outside one's circles.
 */
export function visiblePatientFilter(scope: PatientScope, now: Date): Expression<SqlBool> {
  return sql<SqlBool>`(patients.municipality_code = ${scope.municipalityCode}
    and patients.status = 'active'
    and (${circleCondition(scope)} or ${districtCondition(scope)} or ${breakGlassCondition(scope, now)}))`;
}

/** Ids of the patients the caller can see, among `patientIds` (for other modules' lists). */
export async function filterVisiblePatientIds(
  executor: Executor,
  scope: PatientScope,
  patientIds: string[],
  now: Date,
): Promise<string[]> {
  if (patientIds.length === 0) return [];
  const rows = await executor
    .selectFrom('patients')
    .select('id')
    .where('id', 'in', patientIds)
    .where(visiblePatientFilter(scope, now))
    .execute();
  return rows.map((r) => r.id);
}

/** One patient with how the caller reaches it, or undefined when they cannot (or it does not exist). */
export async function findPatientWithBasis(
  executor: Executor,
  scope: PatientScope,
  patientId: string,
  now: Date,
) {
  const row = await executor
    .selectFrom('patients')
    .selectAll('patients')
    .select([
      circleCondition(scope).as('via_circle'),
      districtCondition(scope).as('via_district'),
      breakGlassCondition(scope, now).as('via_break_glass'),
    ])
    .where('id', '=', patientId)
    .where('municipality_code', '=', scope.municipalityCode)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  const { via_circle, via_district, via_break_glass, ...patient } = row;
  const basis: AccessBasis | undefined = via_circle
    ? 'circle'
    : via_district
      ? 'district'
      : via_break_glass
        ? 'break_glass'
        : undefined;
  return basis ? { patient, basis } : undefined;
}
