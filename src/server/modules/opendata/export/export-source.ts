import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema';
import { FACILITY_COLUMNS, type FacilityState, type StoredFacility, stateOf } from '../import/facility-state';
import type { FacilityType } from '../parse/facility-kinds';
import '../opendata.table';

/** A facility with what the exchange formats add to the standard columns. */
export type ExportFacility = FacilityState & {
  /** [code, confirmed_at ISO] in code order. */
  capabilities: Array<[string, string]>;
  /** [weekday (0 = Sunday), nth] closures (第2・第4土曜休診). */
  closures: Array<[number, number]>;
};

const PAGE = 1000;

/**
 * The facilities of a municipality, page by page in id order (keyset pagination): an export of
 * 500,000 facilities never holds more than one page in memory.
 */
export async function* exportFacilities(
  db: Kysely<Database>,
  municipalityCode: string,
  types: readonly FacilityType[],
): AsyncGenerator<ExportFacility> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // The page is cut first (materialized), then each row looks up its source by key (lateral): a
    // plain join let the planner scan the whole sources table on every page.
    const { rows } = await sql<StoredFacility>`
      with page as materialized (
        select * from facilities
        where municipality_code = ${municipalityCode} and type = any(${[...types]}::text[]) and id > ${after}::uuid
        order by id
        limit ${PAGE})
      select ${FACILITY_COLUMNS}
      from page f
        left join lateral (select * from opendata_facility_sources x where x.facility_id = f.id limit 1) s on true
      order by f.id`.execute(db);
    if (rows.length === 0) return;
    const capabilities = await loadCapabilities(
      db,
      rows.map((r) => r.id),
    );
    for (const row of rows) yield { ...stateOf(row), capabilities: capabilities.get(row.id) ?? [] };
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

/** The capabilities of a page of facilities: one set query, not one per facility. */
async function loadCapabilities(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, Array<[string, string]>>> {
  const { rows } = await sql<{ facility_id: string; code: string; confirmed_at: Date }>`
    select facility_id, code, confirmed_at from facility_capabilities
    where facility_id = any(${ids}::uuid[]) order by facility_id, code`.execute(db);
  const map = new Map<string, Array<[string, string]>>();
  for (const row of rows) {
    const list = map.get(row.facility_id) ?? [];
    list.push([row.code, new Date(row.confirmed_at).toISOString()]);
    map.set(row.facility_id, list);
  }
  return map;
}

export async function countFacilities(
  db: Kysely<Database>,
  code: string,
): Promise<{ n: number; last: Date | null }> {
  const { rows } = await sql<{ n: number; last: Date | null }>`
    select count(*)::int as n, max(updated_at) as last from facilities where municipality_code = ${code}`.execute(
    db,
  );
  return rows[0] ?? { n: 0, last: null };
}
