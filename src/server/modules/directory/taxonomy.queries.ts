import { type Kysely, sql } from 'kysely';
import type { FacilityType } from '../../../contracts/directory';
import type { Database, Executor } from '../../platform/db/schema';
import { findMunicipality } from '../../platform/municipality.queries';
import './taxonomy.table';

export type CapabilityRow = {
  code: string;
  name_ja: string;
  name_en: string;
  facility_types: FacilityType[];
  sort_order: number;
};

/** The municipality's effective taxonomy: its own rows override the standard ones by code. */
export async function listCapabilities(
  executor: Executor,
  municipalityCode: string,
): Promise<CapabilityRow[]> {
  const rows = await executor
    .selectFrom('directory_capabilities')
    .distinctOn('code')
    .select(['code', 'name_ja', 'name_en', 'facility_types', 'sort_order', 'active'])
    .where((eb) =>
      eb.or([eb('municipality_code', 'is', null), eb('municipality_code', '=', municipalityCode)]),
    )
    .orderBy('code')
    .orderBy('municipality_code', (ob) => ob.nullsLast())
    .execute();
  return rows
    .filter((r) => r.active)
    .sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code));
}

export type DistrictRow = { code: string; name: string; name_en: string | null; sort_order: number };

export function listDistricts(executor: Executor, municipalityCode: string): Promise<DistrictRow[]> {
  return executor
    .selectFrom('directory_districts')
    .select(['code', 'name', 'name_en', 'sort_order'])
    .where('municipality_code', '=', municipalityCode)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export type TownRow = {
  name: string;
  kana: string | null;
  postal_code: string | null;
  district_code: string | null;
  lat: number | null;
  lng: number | null;
  search_key: string;
};

export async function listTowns(executor: Executor, municipalityCode: string): Promise<TownRow[]> {
  // raw sql: Kysely has no point type; centroid[1] and centroid[0] read the point's latitude and longitude.
  const { rows } = await sql<TownRow>`
    select name, kana, postal_code, district_code, centroid[1] as lat, centroid[0] as lng, search_key
    from directory_towns where municipality_code = ${municipalityCode}
    order by kana nulls last, name`.execute(executor);
  return rows;
}

// Municipalities are added, never removed, so a positive answer can be remembered per database.
const knownMunicipalities = new WeakMap<object, Set<string>>();

export async function municipalityExists(executor: Kysely<Database>, code: string): Promise<boolean> {
  const known = knownMunicipalities.get(executor) ?? new Set<string>();
  if (known.has(code)) return true;
  if (!(await findMunicipality(executor, code))) return false;
  known.add(code);
  knownMunicipalities.set(executor, known);
  return true;
}
