import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema';
import { FACILITY_STATE_COLUMNS, type FacilityState } from '../import/facility-state';
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
    const { rows } = await sql<ExportFacility>`
      select ${FACILITY_STATE_COLUMNS},
        coalesce((select jsonb_agg(jsonb_build_array(c.code, c.confirmed_at) order by c.code)
          from facility_capabilities c where c.facility_id = f.id), '[]'::jsonb) as capabilities,
        coalesce((select jsonb_agg(jsonb_build_array(x.weekday, x.nth) order by x.weekday, x.nth)
          from facility_closures x where x.facility_id = f.id), '[]'::jsonb) as closures
      from facilities f left join opendata_facility_sources s on s.facility_id = f.id
      where f.municipality_code = ${municipalityCode} and f.type = any(${[...types]}::text[]) and f.id > ${after}::uuid
      order by f.id
      limit ${PAGE}`.execute(db);
    for (const row of rows) yield row;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

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
