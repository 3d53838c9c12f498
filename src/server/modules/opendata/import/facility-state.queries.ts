import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/schema';
import {
  type FacilityKeys,
  type FacilityMatch,
  type FacilityState,
  type StoredFacility,
  stateOf,
} from './facility-state';
import '../opendata.table';

/**
 * The facility's own columns and its open-data side, with its hours and closures as stored
 * (arrays, see hoursColumns in the directory): FacilityState once read by stateOf.
 */
// raw sql: the point's coordinates (location[1], location[0]: Kysely has no point type) among the
// columns of the raw statements below and of the export (export.queries.ts).
export const FACILITY_COLUMNS = sql`
  f.id, f.municipality_code, f.type, f.status, f.name, f.name_kana, f.name_en,
  f.address_prefecture, f.address_city, f.address_town, f.address_block, f.address_building,
  f.postal_code, f.town, f.district_code, f.location[1] as lat, f.location[0] as lng, f.phone, f.fax, f.email, f.url,
  f.medical_institution_code, f.care_office_number, f.care_service_type, f.beds, f.beds_note, f.departments,
  f.closed_on_holidays, f.hours_note, f.source_id, f.version, f.updated_at, f.edited_by_editor_at,
  f.last_confirmed_at, f.hours_day, f.hours_open, f.hours_close, f.nth_closures,
  s.layout, s.content_hash, s.synced_at, s.extras, s.editor_edits_overwritten_at`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * FacilityMatch.untouched_since_sync, worked out in the database: one boolean per row instead of
 * four timestamps to send and decode (a re-import reads one row per row of its file). The editor's
 * side is hasPendingEditorEdits's rule (import-plan.ts). Times are compared to the millisecond, as
 * the JavaScript dates the import writes back (a verified row's synced_at is its updated_at as read).
 */
// raw sql: a boolean over both tables' timestamps, shared by the raw statement and the builder's select.
const UNTOUCHED_SINCE_SYNC = sql<boolean>`coalesce(
  date_trunc('milliseconds', f.updated_at) <= date_trunc('milliseconds', s.synced_at)
  and (f.edited_by_editor_at is null
    or date_trunc('milliseconds', f.edited_by_editor_at) <= date_trunc('milliseconds', s.editor_edits_overwritten_at)),
  false)`;

// raw sql: the columns of findFacilityMatches's raw statement.
const MATCH_COLUMNS = sql`
  f.id, f.medical_institution_code, f.care_office_number, f.care_service_type, f.source_id,
  s.content_hash, ${UNTOUCHED_SINCE_SYNC} as untouched_since_sync`;

/** Facilities of a municipality that any of the keys could name (one statement per batch). */
export async function findFacilityMatches(
  executor: Executor,
  municipalityCode: string,
  keys: FacilityKeys,
): Promise<FacilityMatch[]> {
  const ids = keys.ids.filter((id) => UUID.test(id));
  // One index per key kind: a union lets each part use its own index (an OR would scan them all).
  // raw sql: each key list is one typed array parameter (= any($1::char(10)[])) so a batch of 1,000
  // rows sends 4 parameters, not 4,000; the import's measured hot path (decision 020).
  const { rows } = await sql<FacilityMatch>`
    select ${MATCH_COLUMNS}
    from facilities f left join opendata_facility_sources s on s.facility_id = f.id
    where f.id in (
      select id from facilities where municipality_code = ${municipalityCode}
        and medical_institution_code = any(${keys.medicalCodes}::char(10)[])
      union all
      select id from facilities where municipality_code = ${municipalityCode}
        and care_office_number = any(${keys.careOffices}::char(10)[])
      union all
      select id from facilities where municipality_code = ${municipalityCode}
        and source_id = any(${keys.sourceIds}::text[])
      union all
      select id from facilities where municipality_code = ${municipalityCode} and id = any(${ids}::uuid[]))`.execute(
    executor,
  );
  return rows;
}

/** Every facility of a municipality, as matching needs it (see MatchSource in import-batch.ts). */
export async function findMunicipalityFacilities(
  executor: Executor,
  municipalityCode: string,
): Promise<FacilityMatch[]> {
  return executor
    .selectFrom('facilities as f')
    .leftJoin('opendata_facility_sources as s', 's.facility_id', 'f.id')
    .select([
      'f.id',
      'f.medical_institution_code',
      'f.care_office_number',
      'f.care_service_type',
      'f.source_id',
      's.content_hash',
      UNTOUCHED_SINCE_SYNC.as('untouched_since_sync'),
    ])
    .where('f.municipality_code', '=', municipalityCode)
    .execute();
}

/** Full states of the facilities a batch must compare field by field. */
export async function findFacilityStates(executor: Executor, ids: string[]): Promise<FacilityState[]> {
  if (ids.length === 0) return [];
  // raw sql: FACILITY_COLUMNS reads the point's coordinates; the ids are one uuid[] parameter.
  const { rows } = await sql<StoredFacility>`
    select ${FACILITY_COLUMNS}
    from facilities f left join opendata_facility_sources s on s.facility_id = f.id
    where f.id = any(${ids}::uuid[])`.execute(executor);
  return rows.map(stateOf);
}

/** How many facilities each municipality has (one without any is absent): rows of those can only be new. */
export async function countFacilitiesByMunicipality(executor: Executor): Promise<Map<string, number>> {
  const rows = await executor
    .selectFrom('facilities')
    .select((eb) => ['municipality_code as code', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
    .groupBy('municipality_code')
    .execute();
  return new Map(rows.map((r) => [r.code, r.n]));
}

/** Patch fields (FacilityPatch names) the facility's own editor changed since an import last overwrote them. */
export async function findEditorEditedFields(
  executor: Executor,
  facilities: Array<{ id: string; since: Date | null }>,
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  if (facilities.length === 0) return result;
  // raw sql: the (id, since) pairs arrive as one jsonb_to_recordset parameter and each history row's
  // changed fields come from a lateral jsonb_object_keys: one statement per batch, beyond the builder.
  const { rows } = await sql<{ facility_id: string; field: string }>`
    select distinct h.facility_id, k.field
    from facility_history h
    join jsonb_to_recordset(${JSON.stringify(facilities)}::jsonb) as w(id uuid, since timestamptz) on w.id = h.facility_id
    cross join lateral jsonb_object_keys(h.changes) as k(field)
    where h.source = 'editor' and (w.since is null or h.changed_at > w.since)`.execute(executor);
  for (const row of rows) {
    const set = result.get(row.facility_id) ?? new Set<string>();
    set.add(row.field);
    result.set(row.facility_id, set);
  }
  return result;
}
