import { z } from 'zod';
import { AddressFallback, AddressPrecision } from './addresses';
import {
  CapabilityCode,
  CapacityDto,
  ConfirmationSource,
  FacilityType,
  LatLng,
  MunicipalityCodeParam,
  SEARCH_MAX_LIMIT,
  SEARCH_MAX_OFFSET,
  SEARCH_MAX_QUERY_LENGTH,
} from './directory-core';

export * from './directory-capability-fit';
export * from './directory-changes';
export * from './directory-core';
export * from './directory-stats';

/**
 * The resource directory (医療介護資源情報提供システム): every shape the public search API, the
 * facility page, the staff review queue and the statistics dashboard exchange. Server and web
 * both import from here; keep it stable (add fields, do not rename them).
 */

// ---------------------------------------------------------------------------------------------
// Public search: GET /api/public/facilities

const booleanParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** One value or a repeated query parameter, always an array after parsing. */
const repeated = <T extends z.ZodType>(item: T, max: number) =>
  z
    .union([item, z.array(item).max(max)])
    .optional()
    .transform((v): Array<z.output<T>> => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** `LAT,LNG` in decimal degrees, inside the globe. */
export const NearParam = z
  .string()
  .max(60)
  .transform((value, ctx) => {
    const match = /^\s*(-?\d{1,3}(?:\.\d{1,20})?)\s*,\s*(-?\d{1,3}(?:\.\d{1,20})?)\s*$/.exec(value);
    const lat = Number(match?.[1]);
    const lng = Number(match?.[2]);
    if (!match || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) {
      ctx.addIssue({ code: 'custom', message: 'near: LAT,LNG with -90≤LAT≤90 and -180≤LNG≤180' });
      return z.NEVER;
    }
    return { lat, lng };
  });

export const SearchSort = z.enum(['relevance', 'distance', 'kana']);
export type SearchSort = z.infer<typeof SearchSort>;

export const FacilitySearchQuery = z.object({
  /** Defaults to the installation's default municipality. */
  municipality: MunicipalityCodeParam.optional(),
  /** Free text; whitespace separates keywords that must all match. */
  q: z.string().max(SEARCH_MAX_QUERY_LENGTH).optional(),
  /** Repeatable; types combine with OR. */
  type: repeated(FacilityType, 8),
  /** Repeatable; capabilities combine with AND. */
  capability: repeated(CapabilityCode, 22),
  /** District code from GET /api/public/districts. */
  district: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional(),
  /** 町丁 name as in GET /api/public/districts (e.g. 上目黒). */
  town: z.string().min(1).max(50).optional(),
  /** Open at this moment (Asia/Tokyo rules, holidays included). Without offset it is Tokyo time. */
  openAt: z.iso.datetime({ offset: true, local: true }).optional(),
  /** Only facilities whose capacity signal is `accepting`. */
  accepting: booleanParam.optional(),
  near: NearParam.optional(),
  /** Requires `near`. */
  radiusM: z.coerce.number().int().min(1).max(100_000).optional(),
  /**
   * relevance: keyword in the name first, then kana order (with `near` and no keyword: distance);
   * distance: needs `near`; kana: gojūon order of the reading.
   */
  sort: SearchSort.default('relevance'),
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).default(20),
  offset: z.coerce.number().int().min(0).max(SEARCH_MAX_OFFSET).default(0),
  /**
   * Ignore capabilities not confirmed by the facility or the ward within 12 months (an open-data
   * file's date does not count) when filtering and counting.
   */
  excludeStale: booleanParam.optional(),
});
export type FacilitySearchQuery = z.output<typeof FacilitySearchQuery>;

export const FacilitySearchItem = z.object({
  id: z.string(),
  name: z.string(),
  kana: z.string().nullable(),
  type: FacilityType,
  /** Joined address (都道府県 市区町村 町字 番地以下 建物名). */
  address: z.string(),
  /** District code (see GET /api/public/districts) or null when the 町丁 is not mapped. */
  district: z.string().nullable(),
  districtName: z.string().nullable(),
  town: z.string().nullable(),
  phone: z.string().nullable(),
  location: LatLng.nullable(),
  /** Codes of the capabilities (when `excludeStale` is set, only confirmed ones). */
  capabilities: z.array(z.string()),
  /** Per capability asked for (`capability`), when and by whom it was last confirmed. */
  confirmations: z.array(
    z.object({ code: z.string(), confirmedAt: z.string(), confirmedBy: ConfirmationSource }),
  ),
  capacity: CapacityDto.nullable(),
  /** Metres from `near`, present only when `near` was given. */
  distanceM: z.number().int().optional(),
});
export type FacilitySearchItem = z.infer<typeof FacilitySearchItem>;

/**
 * Facet counts (key → number of facilities). `type` ignores the type filter and `district` the
 * district filter (so the other choices stay visible); `capability` applies every filter.
 */
export const SearchFacets = z.object({
  type: z.record(z.string(), z.number().int()),
  capability: z.record(z.string(), z.number().int()),
  district: z.record(z.string(), z.number().int()),
});
export type SearchFacets = z.infer<typeof SearchFacets>;

export const FacilitySearchResponse = z.object({
  total: z.number().int(),
  items: z.array(FacilitySearchItem),
  facets: SearchFacets,
});
export type FacilitySearchResponse = z.infer<typeof FacilitySearchResponse>;

// ---------------------------------------------------------------------------------------------
// Taxonomy, districts, geocoding

export const CapabilityDto = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  /** Facility types it usually applies to (for showing relevant filters first). */
  facilityTypes: z.array(FacilityType),
  sortOrder: z.number().int(),
});
export type CapabilityDto = z.infer<typeof CapabilityDto>;
export const CapabilityListResponse = z.object({ items: z.array(CapabilityDto) });
export type CapabilityListResponse = z.infer<typeof CapabilityListResponse>;

export const TownDto = z.object({
  name: z.string(),
  kana: z.string().nullable(),
  postalCode: z.string().nullable(),
  location: LatLng.nullable(),
});
export const DistrictDto = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  towns: z.array(TownDto),
});
export type DistrictDto = z.infer<typeof DistrictDto>;
export const DistrictListResponse = z.object({ items: z.array(DistrictDto) });
export type DistrictListResponse = z.infer<typeof DistrictListResponse>;

export const MunicipalityQuery = z.object({ municipality: MunicipalityCodeParam.optional() });
export type MunicipalityQuery = z.output<typeof MunicipalityQuery>;

export const GeocodeQuery = z.object({
  municipality: MunicipalityCodeParam.optional(),
  /**
   * A 町丁 name (上目黒, 上目黒二丁目, かみめぐろ), a postal code (153-0051, 1530051) or a street
   * address (目黒区原町1-1-1, 原町一丁目1番1号), placed on the address registry when the ward loaded it.
   */
  q: z.string().min(1).max(100),
});
export type GeocodeQuery = z.output<typeof GeocodeQuery>;
export const GeocodeResponse = z.object({
  town: z.string(),
  postalCode: z.string().nullable(),
  district: z.string().nullable(),
  location: LatLng,
  /** What the point is: a 住居, a 街区, a 丁目 or the centre of the town. */
  precision: AddressPrecision,
  /** The base point as the page names it: 原町一丁目1番1号, or the town (上目黒). */
  label: z.string(),
  /**
   * Why the point is less precise than what was typed (原町1-1-1 placed at the town's centre): the
   * registry is not loaded, or has no such address; null when it is as precise as typed.
   */
  fallback: AddressFallback.nullable(),
  /** True unless the point is a 住居 or a 街区 (a 丁目 or a town is an area's centre). */
  approximate: z.boolean(),
});
export type GeocodeResponse = z.infer<typeof GeocodeResponse>;
