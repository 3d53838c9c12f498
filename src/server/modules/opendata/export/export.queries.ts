import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema';
import type { StoredFacility } from '../import/facility-state';
import { FACILITY_COLUMNS } from '../import/facility-state.queries';
import type { FacilityType } from '../parse/facility-kinds';
import '../opendata.table';

/** One page of a municipality's facilities of the given types after `after`, in id order. */
export async function exportPage(
  db: Kysely<Database>,
  municipalityCode: string,
  types: readonly FacilityType[],
  after: string,
  limit: number,
): Promise<StoredFacility[]> {
  // The page is cut first (materialized), then each row looks up its source by key (lateral): a
  // plain join let the planner scan the whole sources table on every page.
  // raw sql: a materialized CTE and a lateral join, with FACILITY_COLUMNS reading the point.
  const { rows } = await sql<StoredFacility>`
    with page as materialized (
      select * from facilities
      where municipality_code = ${municipalityCode} and type = any(${[...types]}::text[]) and id > ${after}::uuid
      order by id
      limit ${limit})
    select ${FACILITY_COLUMNS}
    from page f
      left join lateral (select * from opendata_facility_sources x where x.facility_id = f.id limit 1) s on true
    order by f.id`.execute(db);
  return rows;
}

/** The capabilities of a page of facilities: one set query, not one per facility. */
export async function loadCapabilities(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, Array<[string, string]>>> {
  const rows = await db
    .selectFrom('facility_capabilities')
    .select(['facility_id', 'code', 'confirmed_at'])
    .where('facility_id', 'in', ids)
    .orderBy('facility_id')
    .orderBy('code')
    .execute();
  const map = new Map<string, Array<[string, string]>>();
  for (const row of rows) {
    const list = map.get(row.facility_id) ?? [];
    list.push([row.code, new Date(row.confirmed_at).toISOString()]);
    map.set(row.facility_id, list);
  }
  return map;
}

/** How many facilities the municipality has and when one last changed (the data version). */
export async function countFacilities(
  db: Kysely<Database>,
  code: string,
): Promise<{ n: number; last: Date | null }> {
  const row = await db
    .selectFrom('facilities')
    .select((eb) => [
      eb.cast<number>(eb.fn.countAll(), 'integer').as('n'),
      eb.fn.max('updated_at').as('last'),
    ])
    .where('municipality_code', '=', code)
    .executeTakeFirst();
  return row ?? { n: 0, last: null };
}

/** The facility types the municipality has at least one facility of. */
export async function typesPresent(db: Kysely<Database>, code: string): Promise<Set<FacilityType>> {
  const rows = await db
    .selectFrom('facilities')
    .select('type')
    .distinct()
    .where('municipality_code', '=', code)
    .execute();
  return new Set(rows.map((r) => r.type as FacilityType));
}
