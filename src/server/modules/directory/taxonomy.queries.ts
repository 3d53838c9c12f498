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
  const { rows } = await sql<CapabilityRow & { active: boolean }>`
    select distinct on (code) code, name_ja, name_en, facility_types, sort_order, active
    from directory_capabilities
    where municipality_code is null or municipality_code = ${municipalityCode}
    order by code, municipality_code nulls last`.execute(executor);
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
