import { z } from 'zod';
import {
  CapabilityCode,
  FacilityId,
  FacilityType,
  MunicipalityCodeParam,
  SEARCH_MAX_QUERY_LENGTH,
} from './directory-core';

/** View statistics without personal data (beacon and dashboard). Import from `./directory`. */

// ---------------------------------------------------------------------------------------------
// Statistics without personal data

/** Beacon sent by the public pages: POST /api/public/events (answered 204, bots ignored). */
export const DirectoryEventBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('facility_view'), facilityId: FacilityId }),
  z.strictObject({
    kind: z.literal('search'),
    municipality: MunicipalityCodeParam.optional(),
    q: z.string().max(SEARCH_MAX_QUERY_LENGTH).optional(),
    types: z.array(FacilityType).max(8).default([]),
    capabilities: z.array(CapabilityCode).max(22).default([]),
    district: z.string().max(40).optional(),
    /** `total` of the search response the page showed. */
    resultCount: z.number().int().min(0).max(10_000_000),
  }),
]);
export type DirectoryEventBody = z.infer<typeof DirectoryEventBody>;

export const StatsRangeQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type StatsRangeQuery = z.output<typeof StatsRangeQuery>;
export const StatsViewsQuery = StatsRangeQuery.extend({
  period: z.enum(['month', 'fiscal_year']).default('month'),
});
export type StatsViewsQuery = z.output<typeof StatsViewsQuery>;
export const StatsViewsRow = z.object({
  /** `2024-04` for a month, `2024` for the fiscal year starting April 2024. */
  key: z.string(),
  /** `2024年4月` / `令和6年度`. */
  label: z.string(),
  facilityViews: z.number().int(),
  searches: z.number().int(),
});
export const StatsViewsResponse = z.object({
  period: z.enum(['month', 'fiscal_year']),
  rows: z.array(StatsViewsRow),
  total: z.object({ facilityViews: z.number().int(), searches: z.number().int() }),
});
export type StatsViewsResponse = z.infer<typeof StatsViewsResponse>;

export const StatsTopQuery = StatsRangeQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type StatsTopQuery = z.output<typeof StatsTopQuery>;
export const StatsFacilitiesResponse = z.object({
  rows: z.array(
    z.object({ facilityId: z.string(), name: z.string(), type: FacilityType, views: z.number().int() }),
  ),
});
export type StatsFacilitiesResponse = z.infer<typeof StatsFacilitiesResponse>;

/** Only queries searched at least this often are listed (a rare query could identify someone). */
export const TOP_SEARCH_MIN_COUNT = 3;
export const StatsSearchesResponse = z.object({
  rows: z.array(z.object({ query: z.string(), count: z.number().int(), zeroResults: z.number().int() })),
});
export type StatsSearchesResponse = z.infer<typeof StatsSearchesResponse>;

export const StatsZeroResultsResponse = z.object({
  byDistrict: z.array(
    z.object({ district: z.string().nullable(), name: z.string(), count: z.number().int() }),
  ),
  byCapability: z.array(z.object({ capability: z.string(), name: z.string(), count: z.number().int() })),
});
export type StatsZeroResultsResponse = z.infer<typeof StatsZeroResultsResponse>;

export const StatsReport = z.enum([
  'views_month',
  'views_fiscal_year',
  'facilities',
  'searches',
  'zero_results',
]);
export const StatsExportQuery = StatsRangeQuery.extend({
  report: StatsReport,
  format: z.enum(['csv', 'xlsx']),
});
export type StatsExportQuery = z.output<typeof StatsExportQuery>;
