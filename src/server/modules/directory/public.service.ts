import type { Kysely } from 'kysely';
import {
  ADDRESS_PRECISIONS,
  type AddressFallback,
  type AddressPrecision,
} from '../../../contracts/addresses';
import {
  type CapabilityListResponse,
  type DistrictListResponse,
  type FacilityDetail,
  facilityTypesOfCapability,
  type GeocodeQuery,
  type GeocodeResponse,
  type MunicipalityQuery,
} from '../../../contracts/directory';
import { normalizeSearchKey } from '../../../contracts/japanese-text';
import type { RequestContext } from '../../platform/context';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { findMunicipality } from '../../platform/municipality.queries';
import { clock } from '../../platform/time/clock';
import { locateStreetAddress } from '../addresses';
import { findFacilityRecord } from './facility.queries';
import { presentFacilityDetail } from './facility-detail.presenter';
import { stripChome } from './facility-patch';
import { staleBefore } from './search.service';
import { cachedByGeneration, facilityRecords } from './search-cache';
import {
  listCapabilities,
  listDistricts,
  listTowns,
  municipalityExists,
  type TownRow,
} from './taxonomy.queries';

/**
 * The public reads below are `(deps, ctx, input)` like every service, without a transaction (a read
 * of committed rows needs none) and without an actor: anyone may ask. A query without
 * `municipality` reads the installation's default one.
 */
type Deps = Pick<ModuleDeps, 'db' | 'config'>;

const municipalityOf = (deps: Deps, query: MunicipalityQuery) =>
  query.municipality ?? deps.config.DEFAULT_MUNICIPALITY;

async function assertMunicipality(db: Kysely<Database>, code: string): Promise<void> {
  if (!(await municipalityExists(db, code))) throw new AppError('directory.municipality_not_found');
}

/**
 * The public facility page. The record is kept per directory generation like the search answers
 * (one statement with five subqueries cost 4–5 trivial statements on PGlite); it is presented
 * per request, so the 12-month marks follow the clock. Without `municipality` in the query, a
 * facility of any municipality is found. Throws directory.facility_not_found.
 */
export async function getPublicFacility(
  deps: Pick<ModuleDeps, 'db'>,
  _ctx: RequestContext,
  id: string,
  query: MunicipalityQuery,
): Promise<FacilityDetail> {
  const { db } = deps;
  const municipalityCode = query.municipality;
  const record = await cachedByGeneration(
    db,
    `${municipalityCode ?? ''}|${id}`,
    () => findFacilityRecord(db, id, municipalityCode ? { municipalityCode } : {}),
    { cache: facilityRecords },
  );
  if (!record) throw new AppError('directory.facility_not_found');
  return presentFacilityDetail(record, staleBefore(clock.now()));
}

/** The capability taxonomy of a municipality. Throws directory.municipality_not_found. */
export async function getCapabilityList(
  deps: Deps,
  _ctx: RequestContext,
  query: MunicipalityQuery,
): Promise<CapabilityListResponse> {
  const { db } = deps;
  const code = municipalityOf(deps, query);
  await assertMunicipality(db, code);
  const rows = await listCapabilities(db, code);
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: r.name_ja,
      nameEn: r.name_en,
      // The contracts' table decides for standard codes, as it does for editors and the server.
      facilityTypes: facilityTypesOfCapability(r.code, r.facility_types),
      sortOrder: r.sort_order,
    })),
  };
}

/** Districts with their 町丁. Throws directory.municipality_not_found. */
export async function getDistrictList(
  deps: Deps,
  _ctx: RequestContext,
  query: MunicipalityQuery,
): Promise<DistrictListResponse> {
  const { db } = deps;
  const code = municipalityOf(deps, query);
  await assertMunicipality(db, code);
  const [districts, towns] = await Promise.all([listDistricts(db, code), listTowns(db, code)]);
  return {
    items: districts.map((d) => ({
      code: d.code,
      name: d.name,
      nameEn: d.name_en,
      towns: towns
        .filter((t) => t.district_code === d.code)
        .map((t) => ({
          name: t.name,
          kana: t.kana,
          postalCode: t.postal_code,
          location: t.lat === null || t.lng === null ? null : { lat: t.lat, lng: t.lng },
        })),
    })),
  };
}

/**
 * The base point of a distance search: a street address on the address registry (住居 → 街区 →
 * 丁目, through the addresses module), else the centre of a 町丁 found by name (上目黒, 上目黒二丁目,
 * かみめぐろ, or the town of a street address) or 7-digit postal code, saying why it fell back.
 * Throws directory.municipality_not_found, directory.geocode_not_found.
 */
export async function geocodeTown(
  deps: Deps,
  _ctx: RequestContext,
  query: GeocodeQuery,
): Promise<GeocodeResponse> {
  const { db } = deps;
  const code = municipalityOf(deps, query);
  const { q } = query;
  await assertMunicipality(db, code);
  const towns = await listTowns(db, code);
  const digits = q.normalize('NFKC').replace(/[\s〒-]/g, '');
  if (/^\d{7}$/.test(digits))
    return townPoint(
      towns.find((t) => t.postal_code === digits),
      null,
    );
  const municipality = await findMunicipality(db, code);
  const street = await locateStreetAddress(db, code, q, {
    prefixes: municipality ? [municipality.prefecture, municipality.name] : [],
    towns: towns.map((t) => t.name),
  });
  const townKey = normalizeSearchKey(street.parsed?.town ?? stripChome(q));
  const town = towns.find(
    (t) => t.search_key === townKey || (t.kana !== null && normalizeSearchKey(t.kana) === townKey),
  );
  const requested = street.parsed?.requested ?? 'town';
  const { point } = street;
  if (point && (point.precision !== 'town' || !town)) {
    return {
      town: town?.name ?? street.parsed?.town ?? point.label,
      postalCode: town?.postal_code ?? null,
      district: town?.district_code ?? null,
      location: { lat: point.lat, lng: point.lng },
      precision: point.precision,
      label: point.label,
      fallback: precisionRank(point.precision) > precisionRank(requested) ? 'not_found' : null,
      approximate: point.precision === 'chome' || point.precision === 'town',
    };
  }
  const why = requested === 'town' ? null : street.hasData ? 'not_found' : 'no_address_data';
  return townPoint(town, why);
}

const precisionRank = (precision: AddressPrecision) => ADDRESS_PRECISIONS.indexOf(precision);

function townPoint(town: TownRow | undefined, fallback: AddressFallback | null): GeocodeResponse {
  if (!town || town.lat === null || town.lng === null) throw new AppError('directory.geocode_not_found');
  return {
    town: town.name,
    postalCode: town.postal_code,
    district: town.district_code,
    location: { lat: town.lat, lng: town.lng },
    precision: 'town',
    label: town.name,
    fallback,
    approximate: true,
  };
}
