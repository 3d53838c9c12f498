import {
  type Expression,
  type OperationNodeSource,
  type RawBuilder,
  type Selectable,
  type SqlBool,
  sql,
} from 'kysely';
import type { AccessBasis } from '../../../contracts/patients';
import type { Actor } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import { type CircleMemberRow, currentCircleQuery } from './care-circle.queries';
import type { PatientTable } from './patient.table';
import { clinicalOrganisationIds, type PatientScope } from './patient-access.policy';
import './care-circle.table';
import './patient.table';

/** An organisation of the caller, as the scope needs it (one row of resolvePatientScope's query). */
export type ScopeOrganisationRow = {
  id: string;
  kind: string;
  facility_id: string | null;
  district_code: string | null;
};

/** The caller's scope: one small query over their own organisations (no patient rows read). */
export async function resolvePatientScope(executor: Executor, actor: Actor): Promise<PatientScope> {
  const organisationIds = clinicalOrganisationIds(actor);
  if (organisationIds.length === 0) return scopeFromRows(actor, []);
  const rows = await scopeOrganisationsQuery(executor, actor, organisationIds).execute();
  return scopeFromRows(actor, rows);
}

function scopeOrganisationsQuery(executor: Executor, actor: Actor, organisationIds: string[]) {
  return executor
    .selectFrom('organisations as o')
    .leftJoin('facilities as f', 'f.id', 'o.facility_id')
    .select(['o.id', 'o.kind', 'o.facility_id', 'f.district_code'])
    .where('o.id', 'in', organisationIds)
    .where('o.municipality_code', '=', actor.municipalityCode);
}

/** The scope from the caller's organisations: their facilities, and the districts of their 包括 centres. */
export function scopeFromRows(actor: Actor, rows: ScopeOrganisationRow[]): PatientScope {
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
  for (const row of rows) {
    scope.organisationIds.push(row.id);
    if (row.facility_id) scope.facilityIds.push(row.facility_id);
    if (row.kind === 'community_support_center' && centreOrganisations.has(row.id) && row.district_code) {
      scope.districtCodes.push(row.district_code);
    }
  }
  return scope;
}

/**
 * Where a visibility condition finds the caller's organisations, facilities and districts: value
 * lists of a resolved scope (lists, counts), or subqueries of the statement's own scope CTE (the
 * patient page, which reads the scope in the same statement). null: the caller has none.
 */
type ScopeLists = {
  userId: string;
  organisationIds: RawBuilder<unknown> | null;
  facilityIds: RawBuilder<unknown> | null;
  districtCodes: RawBuilder<unknown> | null;
};

function inList(values: string[], cast: 'uuid' | 'text') {
  // raw sql: a literal list with a cast per value, so an empty list never reaches `in ()`.
  return values.length === 0 ? null : sql`(${sql.join(values.map((v) => sql`${v}::${sql.raw(cast)}`))})`;
}

function listsOf(scope: PatientScope): ScopeLists {
  return {
    userId: scope.userId,
    organisationIds: inList(scope.organisationIds, 'uuid'),
    facilityIds: inList(scope.facilityIds, 'uuid'),
    districtCodes: inList(scope.districtCodes, 'text'),
  };
}

/** Current membership of one of the caller's organisations (directly or through its facility). */
function circleCondition(scope: ScopeLists) {
  const parts = [];
  // raw sql: the visibility rule is shared by every patient query as one SQL fragment (a WHERE or a column).
  if (scope.organisationIds) parts.push(sql`c.organisation_id in ${scope.organisationIds}`);
  if (scope.facilityIds) parts.push(sql`c.facility_id in ${scope.facilityIds}`);
  if (parts.length === 0) return sql<boolean>`false`;
  // raw sql: one fragment for a WHERE and for a column, over value lists or the page's scope CTE.
  return sql<boolean>`exists (select 1 from care_circle_memberships c
    where c.patient_id = patients.id and c.valid_to is null and (${sql.join(parts, sql` or `)}))`;
}

function districtCondition(scope: ScopeLists) {
  // raw sql: see circleCondition.
  if (!scope.districtCodes) return sql<boolean>`false`;
  return sql<boolean>`patients.district_code in ${scope.districtCodes}`;
}

function breakGlassCondition(scope: Pick<ScopeLists, 'userId'>, now: Date) {
  // raw sql: see circleCondition.
  return sql<boolean>`exists (select 1 from patient_break_glass b
    where b.patient_id = patients.id and b.user_id = ${scope.userId}::uuid and b.expires_at > ${now})`;
}

/** The basis columns (via_circle, via_district, via_break_glass) of a select from patients. */
function basisColumns(scope: ScopeLists, now: Date) {
  return [
    circleCondition(scope).as('via_circle'),
    districtCondition(scope).as('via_district'),
    breakGlassCondition(scope, now).as('via_break_glass'),
  ];
}

function basisOf(row: { via_circle: boolean; via_district: boolean; via_break_glass: boolean }) {
  const basis: AccessBasis | undefined = row.via_circle
    ? 'circle'
    : row.via_district
      ? 'district'
      : row.via_break_glass
        ? 'break_glass'
        : undefined;
  return basis;
}

/**
 * The one visibility rule, as a WHERE on a query `from patients`: active patients of the caller's
 * municipality in one of their circles, in their 包括 centre's district, or break-glassed by them.
 * Lists, searches and counts all go through it, so none reveals a patient outside one's circles.
 */
export function visiblePatientFilter(scope: PatientScope, now: Date): Expression<SqlBool> {
  // raw sql: the conditions above are fragments (see circleCondition); this joins them for a WHERE.
  return sql<SqlBool>`(patients.municipality_code = ${scope.municipalityCode}
    and patients.status = 'active'
    and (${circleCondition(listsOf(scope))} or ${districtCondition(listsOf(scope))} or ${breakGlassCondition(scope, now)}))`;
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
    .select(basisColumns(listsOf(scope), now))
    .where('id', '=', patientId)
    .where('municipality_code', '=', scope.municipalityCode)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  const { via_circle, via_district, via_break_glass, ...patient } = row;
  const basis = basisOf({ via_circle, via_district, via_break_glass });
  return basis ? { patient, basis } : undefined;
}

/** One section's rows inside the patient page's statement, and the access-log record type of each row. */
export type PageSectionQuery = { name: string; recordType: string; rows: Expression<unknown> };

/**
 * Turns the statement's access-log source (columns patient_id, record_type, record_id, basis) into
 * the insert that records it, or undefined when nothing is recorded (platform/access-log).
 */
export type PageAccessLog = (source: RawBuilder<unknown>) => OperationNodeSource | undefined;

export type PatientPage = {
  patient: Selectable<PatientTable>;
  basis: AccessBasis;
  scope: PatientScope;
  circle: CircleMemberRow[];
  sections: Record<string, Record<string, unknown>[]>;
  /** Rows the statement wrote to the access log. */
  logged: number;
};

// The statement's own names: its CTEs and answer columns (no table or column is named so).
// raw sql: a CTE is no table of the Database interface, so the builder cannot name it.
const PAGE = {
  scope: sql.table('page_scope'),
  visible: sql.table('page_visible'),
  section: (i: number) => sql.table(`page_section_${i}`), // raw sql: as above
};

/**
 * The patient page in one statement: the caller's scope (their organisations), the patient when
 * they may see it (the same rule as findPatientWithBasis), its current circle, every section's rows
 * and the access-log rows of all of them (a writable CTE, so the log commits with the read). When
 * the caller may not see the patient, no section runs and nothing is returned or recorded.
 */
export async function findPatientPage(
  executor: Executor,
  actor: Actor,
  patientId: string,
  now: Date,
  sections: PageSectionQuery[],
  accessLog: PageAccessLog,
): Promise<PatientPage | undefined> {
  const organisationIds = clinicalOrganisationIds(actor);
  const centres = actor.memberships.filter((m) => m.role === 'center_staff').map((m) => m.organisationId);
  // The sections are registered by other modules at run time, so the statement's CTE names and
  // columns are only known here: the statement is raw sql, each part inside is a builder query.
  const scopeRows =
    organisationIds.length > 0
      ? // raw sql: the builder query as the body of the raw statement's scope CTE
        sql`${scopeOrganisationsQuery(executor, actor, organisationIds)}`
      : // raw sql: no rows with the scope's columns (a caller without organisations); the builder cannot select from nothing
        sql`select null::uuid as id, null::text as kind, null::uuid as facility_id, null::text as district_code where false`;
  // raw sql: subqueries of the statement's scope CTE (not a table of the Database interface).
  const lists: ScopeLists = {
    userId: actor.userId,
    organisationIds: organisationIds.length > 0 ? sql`(select id from ${PAGE.scope})` : null,
    facilityIds:
      organisationIds.length > 0
        ? // raw sql: as organisationIds
          sql`(select facility_id from ${PAGE.scope} where facility_id is not null)`
        : null,
    districtCodes:
      centres.length > 0
        ? // raw sql: as organisationIds
          sql`(select district_code from ${PAGE.scope} where kind = 'community_support_center'
            and id in ${inList(centres, 'uuid')} and district_code is not null)`
        : null,
  };
  const patient = executor
    .selectFrom('patients')
    .selectAll('patients')
    .select(basisColumns(lists, now))
    .where('id', '=', patientId)
    .where('municipality_code', '=', actor.municipalityCode)
    .where('status', '=', 'active');
  const sectionCtes = sections.map(
    (s, i) =>
      // raw sql: a CTE per section registered at run time (names only known here), around its builder query.
      sql`, ${PAGE.section(i)} as (select * from (${s.rows}) s where exists (select 1 from ${PAGE.visible}))`,
  );
  // raw sql: the access-log rows of the page's CTEs, one union branch per section (see above).
  const logSource = sql.join(
    [
      sql`select id as patient_id, 'patient'::text as record_type, id::text as record_id, basis from ${PAGE.visible}`,
      ...sections.map(
        (s, i) => sql`select (select id from ${PAGE.visible}), ${s.recordType}::text, s.id::text, null::text
          from ${PAGE.section(i)} s`,
      ),
    ],
    sql` union all `,
  );
  const log = accessLog(logSource);
  const sectionColumns = sections.map(
    (_, i) =>
      // raw sql: one json column per section CTE (names only known here).
      sql`, (select coalesce(json_agg(x), '[]'::json) from ${PAGE.section(i)} x) as ${sql.ref(`page_section_${i}`)}`,
  );
  // raw sql: the statement itself: CTEs named at run time, a writable CTE for the log, json_agg columns.
  const { rows } = await sql<Record<string, unknown>>`
    with ${PAGE.scope} as (${scopeRows}),
    page_patient as materialized (${patient}),
    ${PAGE.visible} as (
      select *, case when via_circle then 'circle' when via_district then 'district' else 'break_glass' end as basis
      from page_patient where via_circle or via_district or via_break_glass)
    ${sql.join(sectionCtes, sql``)}
    ${log ? sql`, page_log as (${log} returning 1)` : sql``}
    select ${PAGE.visible}.*,
      (select coalesce(json_agg(x), '[]'::json) from ${PAGE.scope} x) as page_scope,
      (select coalesce(json_agg(x), '[]'::json) from (${currentCircleQuery(executor, actor.municipalityCode, patientId)}) x) as page_circle
      ${sql.join(sectionColumns, sql``)}
    from ${PAGE.visible}`.execute(executor);
  const row = rows[0];
  if (!row) return undefined;
  const { via_circle, via_district, via_break_glass, basis, page_scope, page_circle, ...rest } = row;
  const sectionRows: PatientPage['sections'] = {};
  sections.forEach((s, i) => {
    sectionRows[s.name] = jsonRows(rest[`page_section_${i}`]);
    delete rest[`page_section_${i}`];
  });
  const found = Object.values(sectionRows).reduce((n, r) => n + r.length, 1);
  return {
    patient: rest as unknown as Selectable<PatientTable>,
    basis: basis as AccessBasis,
    scope: scopeFromRows(actor, jsonRows(page_scope) as ScopeOrganisationRow[]),
    circle: jsonRows(page_circle) as unknown as CircleMemberRow[],
    sections: sectionRows,
    logged: log ? found : 0,
  };
}

// A timestamptz as json_agg writes it (ISO 8601 with an offset).
const JSON_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:\d{2})?|Z)$/;

/**
 * Rows that came back as JSON, with their timestamps as Dates again, like a plain select gives:
 * by the house convention every timestamptz column is named `*_at` (dates are `*_on`, as text).
 * Also one level down, in a row a section nests in its row (jsonObjectFrom: a change's consent).
 */
function jsonRows(value: unknown): Record<string, unknown>[] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>[];
  for (const row of rows) {
    reviveTimestamps(row);
    for (const nested of Object.values(row)) {
      if (nested && typeof nested === 'object' && !Array.isArray(nested))
        reviveTimestamps(nested as Record<string, unknown>);
    }
  }
  return rows;
}

function reviveTimestamps(row: Record<string, unknown>) {
  for (const [key, v] of Object.entries(row)) {
    if (key.endsWith('_at') && typeof v === 'string' && JSON_TIMESTAMP.test(v)) row[key] = new Date(v);
  }
}
