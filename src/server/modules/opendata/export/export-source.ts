import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema';
import { FACILITY_COLUMNS, type FacilityState } from '../import/facility-state';
import type { FacilityType } from '../parse/facility-kinds';
import '../opendata.table';

/** A facility with what the exchange formats add to the standard columns. */
export type ExportFacility = FacilityState & {
  /** [code, confirmed_at ISO] in code order. */
  capabilities: Array<[string, string]>;
  /** [weekday (0 = Sunday), nth] closures (第2・第4土曜休診). */
  closures: Array<[number, number]>;
};

export type MunicipalityInfo = { code: string; name: string; prefecture: string };

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
    const { rows } = await sql<Omit<ExportFacility, 'hours' | 'capabilities' | 'closures'>>`
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
    const children = await loadChildren(
      db,
      rows.map((r) => r.id),
    );
    for (const row of rows) {
      yield {
        ...row,
        hours: children.hours.get(row.id) ?? [],
        capabilities: children.capabilities.get(row.id) ?? [],
        closures: children.closures.get(row.id) ?? [],
      };
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

/** Hours, capabilities and closures of a page of facilities: three set queries, not three per facility. */
async function loadChildren(db: Kysely<Database>, ids: string[]) {
  const group = <T>(rows: Array<{ facility_id: string } & T>, pick: (row: T) => ExportChild) => {
    const map = new Map<string, ExportChild[]>();
    for (const row of rows) map.set(row.facility_id, [...(map.get(row.facility_id) ?? []), pick(row)]);
    return map;
  };
  const hours = await sql<{ facility_id: string; day: number; open_minute: number; close_minute: number }>`
    select facility_id, day, open_minute, close_minute from facility_hours
    where facility_id = any(${ids}::uuid[]) order by facility_id, day, open_minute`.execute(db);
  const capabilities = await sql<{ facility_id: string; code: string; confirmed_at: Date }>`
    select facility_id, code, confirmed_at from facility_capabilities
    where facility_id = any(${ids}::uuid[]) order by facility_id, code`.execute(db);
  const closures = await sql<{ facility_id: string; weekday: number; nth: number }>`
    select facility_id, weekday, nth from facility_closures
    where facility_id = any(${ids}::uuid[]) order by facility_id, weekday, nth`.execute(db);
  return {
    hours: group(hours.rows, (r) => [r.day, r.open_minute, r.close_minute]) as Map<
      string,
      [number, number, number][]
    >,
    capabilities: group(capabilities.rows, (r) => [r.code, new Date(r.confirmed_at).toISOString()]) as Map<
      string,
      [string, string][]
    >,
    closures: group(closures.rows, (r) => [r.weekday, r.nth]) as Map<string, [number, number][]>,
  };
}

type ExportChild = Array<string | number>;

export async function findMunicipality(
  db: Kysely<Database>,
  code: string,
): Promise<MunicipalityInfo | undefined> {
  const { rows } = await sql<MunicipalityInfo>`
    select code, name, prefecture from municipalities where code = ${code}`.execute(db);
  return rows[0];
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
