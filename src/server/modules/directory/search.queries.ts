import { type Kysely, type RawBuilder, sql } from 'kysely';
import {
  type ConfirmationSource,
  type FacilityType,
  freshConfirmationSources,
  type LatLng,
  type SearchSort,
} from '../../../contracts/directory';
import { keywordGrams } from '../../../contracts/japanese-text';
import type { Database } from '../../platform/db/schema';
import { boundingBox } from './geo';
import { closureCode, type DayFacts } from './opening-hours';
import { keywordAlternatives } from './search-readings';

/** A validated search, ready for SQL (built by search.service.ts). */
export type SearchPlan = {
  municipalityCode: string;
  keywords: string[];
  types: FacilityType[];
  capabilities: string[];
  districtCode?: string;
  town?: string;
  open?: { minute: number; today: DayFacts; yesterday: DayFacts };
  accepting: boolean;
  near?: LatLng;
  radiusM?: number;
  sort: SearchSort;
  limit: number;
  offset: number;
  /**
   * Capabilities confirmed before this instant, or only by an open-data file, do not count
   * (excludeStale).
   */
  freshSince?: Date;
};

export type SearchItemRow = {
  id: string;
  name: string;
  name_kana: string | null;
  type: FacilityType;
  address_prefecture: string | null;
  address_city: string | null;
  address_town: string | null;
  address_block: string | null;
  address_building: string | null;
  district_code: string | null;
  district_name: string | null;
  town: string | null;
  phone: string | null;
  lat: number | null;
  lng: number | null;
  capabilities: string[];
  /** The asked-for capabilities' confirmations (confirmed_at as JSON text). */
  confirmations: Array<{ code: string; confirmed_at: string; confirmed_by: ConfirmationSource }>;
  capacity_signal: string | null;
  capacity_set_at: string | null;
  distance_m: number | null;
};

export type SearchResultRow = {
  total: number;
  items: SearchItemRow[];
  type_facet: Record<string, number>;
  district_facet: Record<string, number>;
  capability_facet: Record<string, number>;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Great-circle metres from the point to f.location (same formula as geo.ts distanceMeters). */
function distanceSql(near: LatLng): RawBuilder<number> {
  // raw sql: trigonometry on the point's coordinates (f.location[0], [1]); Kysely has no point type.
  return sql<number>`(2 * 6371008.8 * asin(least(1, sqrt(
    power(sin(radians(f.location[1] - ${near.lat}::float8) / 2), 2)
    + cos(radians(${near.lat}::float8)) * cos(radians(f.location[1]))
      * power(sin(radians(f.location[0] - ${near.lng}::float8) / 2), 2)))))`;
}

/** The condition on capability rows `c` that excludeStale adds (empty without it). */
function freshSql(plan: SearchPlan): RawBuilder<unknown> {
  // raw sql: a fragment of the search's one statement (the search's hot path is raw, decision 020).
  if (!plan.freshSince) return sql``;
  return sql`and c.confirmed_at >= ${plan.freshSince} and c.confirmed_by = any(${[...freshConfirmationSources]}::text[])`;
}

/** Facilities offering every code: one index scan of the municipality's capabilities, grouped. */
function capabilitiesSql(plan: SearchPlan): RawBuilder<unknown> {
  const fresh = freshSql(plan);
  // raw sql: a grouped IN subquery of the search's one statement, with the raw fresh fragment in it.
  return sql`f.id in (select c.facility_id from facility_capabilities c
    where c.municipality_code = ${plan.municipalityCode} and c.code = any(${plan.capabilities}::text[]) ${fresh}
    group by c.facility_id having count(*) = ${plan.capabilities.length})`;
}

/** A shift of `day` is cancelled when the day is a holiday, 年末年始 or a 第n曜日 closure. */
function dayOpenSql(day: DayFacts): RawBuilder<unknown> {
  // raw sql: array containment (@>) on the facility's closures, fragments of the search's statement.
  const parts: RawBuilder<unknown>[] = [
    sql`not (f.nth_closures @> array[${closureCode(day.weekday, day.nth)}]::smallint[])`,
  ];
  // raw sql: the remaining conditions of the raw fragment above, joined.
  if (day.holiday) parts.push(sql`not f.closed_on_holidays`);
  if (day.yearEnd) parts.push(sql`not f.closed_year_end`);
  return sql.join(parts, sql` and `);
}

/**
 * Open at the minute: a shift of today covering it, or one of yesterday running past midnight.
 * The shifts are arrays on the facility row (migration 20261124060000), read only for the
 * facilities the other filters leave: no index, the search is scoped to one municipality.
 */
function openSql(open: NonNullable<SearchPlan['open']>): RawBuilder<unknown> {
  const { minute, today, yesterday } = open;
  // The array operators first (cheap): most facilities fail them without unnesting anything.
  // raw sql: array operators (@>, any) and unnest(…) of three arrays in a subquery.
  return sql`(
    f.hours_day @> array[${today.weekday}]::smallint[] and ${minute} >= any(f.hours_open)
      and exists (select from unnest(f.hours_day, f.hours_open, f.hours_close) as h(day, open, close)
        where h.day = ${today.weekday} and h.open <= ${minute} and h.close > ${minute})
      and ${dayOpenSql(today)}
    or ${minute + 1440} < any(f.hours_close)
      and exists (select from unnest(f.hours_day, f.hours_close) as h(day, close)
        where h.day = ${yesterday.weekday} and h.close > ${minute + 1440})
      and ${dayOpenSql(yesterday)})`;
}

/**
 * The expression of the facilities_search_scoped GIN index (migration 20261124020000): the grams
 * plus one element for the municipality, so one index scan finds a keyword within a municipality.
 */
// raw sql: an index expression must be written exactly as the migration's, integer arithmetic and ||.
const scopedGrams = sql`(array[f.municipality_code::integer + (-2147483647 - 1)] || f.search_grams)`;
const scopeGram = (municipalityCode: string) => Number(municipalityCode) - 2 ** 31;

/** The gram array (GIN) finds candidates even for 1–2 characters; LIKE makes the match exact. */
function keywordSql(municipalityCode: string, keyword: string): RawBuilder<unknown> {
  // raw sql: GIN array containment (@>) and LIKE with an escaped pattern on the scoped grams.
  const grams = sql`${scopedGrams} @> ${[scopeGram(municipalityCode), ...keywordGrams(keyword)]}::integer[]`;
  if (Array.from(keyword).length <= 1) return grams;
  return sql`(${grams} and f.search_text like ${`%${escapeLike(keyword)}%`})`;
}

/** Every filter except type and district, which the facets leave out. */
function baseFilters(plan: SearchPlan): RawBuilder<unknown>[] {
  // raw sql: the filters are fragments of the search's one raw statement (searchStatement).
  const filters: RawBuilder<unknown>[] = [
    sql`f.municipality_code = ${plan.municipalityCode}`,
    sql`f.status = 'active'`,
  ];
  for (const keyword of plan.keywords) {
    // A reading (はいしゃ) matches itself or its written words (歯医者): one OR of index conditions.
    const alternatives = keywordAlternatives(keyword).map((word) => keywordSql(plan.municipalityCode, word));
    // raw sql: an OR of the raw keyword fragments.
    filters.push(alternatives.length === 1 ? alternatives[0]! : sql`(${sql.join(alternatives, sql` or `)})`);
  }
  if (plan.capabilities.length > 0) filters.push(capabilitiesSql(plan));
  // raw sql: one more fragment of the statement.
  if (plan.town) filters.push(sql`f.town = ${plan.town}`);
  if (plan.accepting) {
    filters.push(
      // One scan of the municipality's accepting facilities (index on municipality_code, signal) and a
      // hash semi-join: a per-facility EXISTS probe cost 700 ms on PGlite at national scale.
      // raw sql: a fragment of the statement.
      sql`f.id in (select k.facility_id from facility_capacity k
        where k.municipality_code = ${plan.municipalityCode} and k.signal = 'accepting')`,
    );
  }
  if (plan.open) filters.push(openSql(plan.open));
  if (plan.near && plan.radiusM !== undefined) {
    const b = boundingBox(plan.near, plan.radiusM);
    filters.push(
      // raw sql: point-in-box (<@) on the point column, then the exact distance; no point type in Kysely.
      sql`f.location <@ box(point(${b.minLng}::float8, ${b.minLat}::float8), point(${b.maxLng}::float8, ${b.maxLat}::float8))`,
    );
    filters.push(sql`${distanceSql(plan.near)} <= ${plan.radiusM}::float8`);
  }
  return filters;
}

function relevanceSql(keywords: string[]): RawBuilder<number> {
  // raw sql: a CASE of LIKE patterns summed into the relevance, inside the raw statement.
  if (keywords.length === 0) return sql<number>`0`;
  const parts = keywords.map(
    (k) => sql`(case when f.name_key like ${`${escapeLike(k)}%`} then 3
      when f.name_key like ${`%${escapeLike(k)}%`} then 2 else 0 end)`,
  );
  // raw sql: the parts added up.
  return sql<number>`(${sql.join(parts, sql` + `)})`;
}

function orderSql(plan: SearchPlan): RawBuilder<unknown> {
  const byDistance =
    plan.sort === 'distance' || (plan.sort === 'relevance' && plan.keywords.length === 0 && plan.near);
  // raw sql: ORDER BY items (nulls last) of the raw statement's window and page.
  if (byDistance) return sql`m.distance_m asc nulls last, m.kana_key, m.id`;
  if (plan.sort === 'relevance') return sql`m.relevance desc, m.kana_key, m.id`;
  return sql`m.kana_key, m.id`;
}

/**
 * One statement: the matching set (`base`, without type and district filters, for the facets),
 * its narrowed set (`matched`), the page of items as JSON, the total and the three facets.
 */
export async function runSearch(db: Kysely<Database>, plan: SearchPlan): Promise<SearchResultRow> {
  const { rows } = await searchStatement(plan).execute(db);
  return rows[0] as SearchResultRow;
}

/** The search as one SQL statement (exposed for EXPLAIN in measurements). */
export function searchStatement(plan: SearchPlan): RawBuilder<SearchResultRow> {
  // raw sql: the statement's conditions and columns, built as fragments of the raw statement below.
  const typeCond = plan.types.length > 0 ? sql`b.type = any(${plan.types}::text[])` : sql`true`;
  const districtCond = plan.districtCode ? sql`b.district_code = ${plan.districtCode}` : sql`true`;
  const distance = plan.near ? distanceSql(plan.near) : sql`null::float8`;
  const fresh = freshSql(plan);
  // Per asked-for capability its confirmation, so a nurse comparing candidates need not open each page.
  // raw sql: a jsonb_agg subquery per item.
  const confirmations =
    plan.capabilities.length > 0
      ? sql`(select coalesce(jsonb_agg(jsonb_build_object('code', c.code, 'confirmed_at', c.confirmed_at,
            'confirmed_by', c.confirmed_by) order by c.code), '[]'::jsonb)
          from facility_capabilities c where c.facility_id = f.id and c.code = any(${plan.capabilities}::text[]))`
      : sql`'[]'::jsonb`; // raw sql: an empty jsonb array, the same column's type
  // raw sql: the search's hot path (issue 11): one statement with a materialized CTE, a window
  // function, jsonb facets and items; measured in decision 020, not something the builder can say.
  return sql<SearchResultRow>`
    with base as materialized (
      select f.id, f.type, f.district_code, f.kana_key, ${relevanceSql(plan.keywords)} as relevance,
        ${distance} as distance_m
      from facilities f
      where ${sql.join(baseFilters(plan), sql` and `)}
    ),
    matched as (select * from base b where ${typeCond} and ${districtCond}),
    page as (select m.*, row_number() over (order by ${orderSql(plan)}) as ord
      from matched m order by ${orderSql(plan)} limit ${plan.limit} offset ${plan.offset})
    select
      (select count(*)::int from matched) as total,
      (select coalesce(jsonb_object_agg(t.type, t.n), '{}'::jsonb) from
        (select b.type, count(*)::int as n from base b where ${districtCond} group by b.type) t) as type_facet,
      (select coalesce(jsonb_object_agg(t.k, t.n), '{}'::jsonb) from
        (select coalesce(b.district_code, '') as k, count(*)::int as n from base b where ${typeCond}
         group by b.district_code) t) as district_facet,
      (select coalesce(jsonb_object_agg(t.code, t.n), '{}'::jsonb) from
        (select c.code, count(*)::int as n from facility_capabilities c
         join matched b on b.id = c.facility_id
         where c.municipality_code = ${plan.municipalityCode} ${fresh} group by c.code) t) as capability_facet,
      (select coalesce(jsonb_agg(to_jsonb(i) order by i.ord), '[]'::jsonb) from (
        select p.ord, f.id, f.name, f.name_kana, f.type, f.address_prefecture, f.address_city, f.address_town,
          f.address_block, f.address_building, f.district_code, d.name as district_name, f.town, f.phone,
          f.location[1] as lat, f.location[0] as lng,
          array(select c.code from facility_capabilities c where c.facility_id = f.id ${fresh} order by c.code)
            as capabilities,
          ${confirmations} as confirmations,
          k.signal as capacity_signal, k.set_at as capacity_set_at,
          round(p.distance_m)::int as distance_m
        from page p
        join facilities f on f.id = p.id
        left join directory_districts d on d.municipality_code = f.municipality_code and d.code = f.district_code
        left join facility_capacity k on k.facility_id = f.id) i) as items`;
}

/** The directory's generation: a sequence the migration's triggers advance on every write (search-cache.ts). */
export async function readDirectoryGeneration(db: Kysely<Database>): Promise<string | undefined> {
  // raw sql: directory_generation is a sequence, not a table of the Database interface.
  const { rows } = await sql<{ g: string }>`select last_value::text as g from directory_generation`.execute(
    db,
  );
  return rows[0]?.g;
}
