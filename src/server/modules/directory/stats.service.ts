import {
  type StatsFacilitiesResponse,
  type StatsRangeQuery,
  type StatsSearchesResponse,
  type StatsTopQuery,
  type StatsViewsQuery,
  type StatsViewsResponse,
  type StatsZeroResultsResponse,
  TOP_SEARCH_MIN_COUNT,
} from '../../../contracts/directory';
import type { RequestContext } from '../../platform/context';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { requireActor } from './directory.policy';
import { fiscalYearLabel, fiscalYearOf, monthLabel } from './fiscal-year';
import { monthlyCounts, type Range, topSearches, viewsPerFacility, zeroResultCounts } from './stats.queries';
import { tokyoDay } from './stats-record.service';
import { listCapabilities } from './taxonomy.queries';

/**
 * The ward's statistics: reads `(deps, ctx, query)` without a transaction, always of the signed-in
 * ward_admin's own municipality (the routes admit only ward_admin). Throws auth.required.
 */
type Deps = Pick<ModuleDeps, 'db'>;

/** Default range: everything up to today (Tokyo). */
export function resolveRange(query: StatsRangeQuery, now = clock.now()): Range {
  return { from: query.from ?? '2000-01-01', to: query.to ?? tokyoDay(now) };
}

const municipalityOf = (ctx: RequestContext) => requireActor(ctx.actor).municipalityCode;

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Page views and searches per month or per fiscal year (令和N年度), gaps filled with zeros. */
export async function getViewStats(
  deps: Deps,
  ctx: RequestContext,
  query: StatsViewsQuery,
): Promise<StatsViewsResponse> {
  const { period } = query;
  const months = await monthlyCounts(deps.db, municipalityOf(ctx), resolveRange(query));
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const filled: Array<{ month: string; views: number; searches: number }> = [];
  const first = months[0]?.month;
  const last = months[months.length - 1]?.month;
  for (let m = first; m && last && m <= last; m = nextMonth(m)) {
    filled.push(byMonth.get(m) ?? { month: m, views: 0, searches: 0 });
  }
  const total = {
    facilityViews: filled.reduce((s, m) => s + m.views, 0),
    searches: filled.reduce((s, m) => s + m.searches, 0),
  };
  if (period === 'month') {
    return {
      period,
      rows: filled.map((m) => ({
        key: m.month,
        label: monthLabel(m.month),
        facilityViews: m.views,
        searches: m.searches,
      })),
      total,
    };
  }
  const byYear = new Map<number, { facilityViews: number; searches: number }>();
  for (const m of filled) {
    const fy = fiscalYearOf(`${m.month}-01`);
    const acc = byYear.get(fy) ?? { facilityViews: 0, searches: 0 };
    acc.facilityViews += m.views;
    acc.searches += m.searches;
    byYear.set(fy, acc);
  }
  return {
    period,
    rows: [...byYear.entries()].map(([fy, v]) => ({ key: String(fy), label: fiscalYearLabel(fy), ...v })),
    total,
  };
}

/** The most viewed facilities, `limit` of them. */
export async function getFacilityViewStats(
  deps: Deps,
  ctx: RequestContext,
  query: StatsTopQuery,
): Promise<StatsFacilitiesResponse> {
  const rows = await viewsPerFacility(deps.db, municipalityOf(ctx), resolveRange(query), query.limit);
  return {
    rows: rows.map((r) => ({ facilityId: r.facility_id, name: r.name, type: r.type, views: r.views })),
  };
}

/** The most frequent searches, each asked at least TOP_SEARCH_MIN_COUNT times, `limit` of them. */
export async function getTopSearches(
  deps: Deps,
  ctx: RequestContext,
  query: StatsTopQuery,
): Promise<StatsSearchesResponse> {
  const rows = await topSearches(
    deps.db,
    municipalityOf(ctx),
    resolveRange(query),
    query.limit,
    TOP_SEARCH_MIN_COUNT,
  );
  return { rows: rows.map((r) => ({ query: r.query, count: r.count, zeroResults: r.zero_results })) };
}

/** Searches that found nothing, by district and by capability (the unmet demand). */
export async function getZeroResultStats(
  deps: Deps,
  ctx: RequestContext,
  query: StatsRangeQuery,
): Promise<StatsZeroResultsResponse> {
  const municipalityCode = municipalityOf(ctx);
  const [counts, capabilities] = await Promise.all([
    zeroResultCounts(deps.db, municipalityCode, resolveRange(query)),
    listCapabilities(deps.db, municipalityCode),
  ]);
  const capabilityNames = new Map(capabilities.map((c) => [c.code, c.name_ja]));
  return {
    byDistrict: counts.byDistrict.map((r) => ({
      district: r.district || null,
      name: r.district ? (r.name ?? r.district) : '地区の指定なし',
      count: r.count,
    })),
    byCapability: counts.byCapability.map((r) => ({
      capability: r.capability,
      name: capabilityNames.get(r.capability) ?? r.capability,
      count: r.count,
    })),
  };
}
