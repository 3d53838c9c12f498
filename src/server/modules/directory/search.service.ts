import type { Kysely } from 'kysely';
import {
  type FacilitySearchQuery,
  type FacilitySearchResponse,
  STALE_AFTER_MONTHS,
} from '../../../contracts/directory';
import { splitSearchKeywords } from '../../../contracts/japanese-text';
import type { RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { presentSearchItem } from './facility.presenter';
import { parseOpenAt, tokyoMoment } from './opening-hours';
import { runSearch, type SearchPlan } from './search.queries';
import { cachedByGeneration } from './search-cache';
import { listCapabilities, listDistricts, municipalityExists } from './taxonomy.queries';

/** The instant before which a capability confirmation counts as stale. */
export function staleBefore(now: Date): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - STALE_AFTER_MONTHS);
  return d;
}

type Deps = Pick<ModuleDeps, 'db' | 'config'>;

/**
 * Public facility search of one municipality (the query's, else the installation's default: a
 * signed-in caller searches the same directory as anyone). A read: no transaction, no actor.
 * Throws directory.municipality_not_found, directory.unknown_capability, directory.unknown_district,
 * directory.near_required.
 */
export async function searchFacilities(
  deps: Deps,
  _ctx: RequestContext,
  query: FacilitySearchQuery,
): Promise<FacilitySearchResponse> {
  const { db } = deps;
  const defaultMunicipality = deps.config.DEFAULT_MUNICIPALITY;
  const now = clock.now();
  const key = `${defaultMunicipality}|${JSON.stringify(query)}`;
  return cachedByGeneration(db, key, async () => {
    const plan = await planSearch(db, query, defaultMunicipality, now);
    const row = await runSearch(db, plan);
    return {
      total: row.total,
      items: row.items.map((item) => presentSearchItem(item, Boolean(plan.near))),
      facets: { type: row.type_facet, capability: row.capability_facet, district: row.district_facet },
    };
  });
}

/** Checks the query against the municipality's taxonomy and districts and turns it into a plan. */
async function planSearch(
  db: Kysely<Database>,
  query: FacilitySearchQuery,
  defaultMunicipality: string,
  now: Date,
): Promise<SearchPlan> {
  const municipalityCode = query.municipality ?? defaultMunicipality;
  if ((query.sort === 'distance' || query.radiusM !== undefined) && !query.near) {
    throw new AppError('directory.near_required');
  }
  await assertKnownFilters(db, municipalityCode, query);
  const plan: SearchPlan = {
    municipalityCode,
    keywords: splitSearchKeywords(query.q ?? ''),
    types: query.type,
    capabilities: [...new Set(query.capability)],
    accepting: query.accepting === true,
    sort: query.sort,
    limit: query.limit,
    offset: query.offset,
  };
  if (query.district) plan.districtCode = query.district;
  if (query.town) plan.town = query.town;
  if (query.near) plan.near = query.near;
  if (query.radiusM !== undefined) plan.radiusM = query.radiusM;
  if (query.openAt) plan.open = tokyoMoment(parseOpenAt(query.openAt));
  if (query.excludeStale) plan.freshSince = staleBefore(now);
  return plan;
}

async function assertKnownFilters(
  db: Kysely<Database>,
  municipalityCode: string,
  query: FacilitySearchQuery,
) {
  if (!(await municipalityExists(db, municipalityCode))) {
    throw new AppError('directory.municipality_not_found', { municipality: municipalityCode });
  }
  if (query.capability.length > 0) {
    const known = new Set((await listCapabilities(db, municipalityCode)).map((c) => c.code));
    const unknown = query.capability.filter((code) => !known.has(code));
    if (unknown.length > 0) throw new AppError('directory.unknown_capability', { unknown });
  }
  if (query.district) {
    const districts = await listDistricts(db, municipalityCode);
    if (!districts.some((d) => d.code === query.district)) {
      throw new AppError('directory.unknown_district', { district: query.district });
    }
  }
}
