import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema';
import type { DirectoryDailySearchesTable } from './stats.table';
import './stats.table';

export type Range = { from: string; to: string };

export async function monthlyCounts(
  db: Kysely<Database>,
  municipalityCode: string,
  range: Range,
): Promise<Array<{ month: string; views: number; searches: number }>> {
  const views = db
    .selectFrom('directory_daily_views')
    .select((eb) => [
      eb.fn<string>('to_char', ['day', eb.val('YYYY-MM')]).as('month'),
      'views',
      eb.lit<number>(0).as('searches'),
    ])
    .where('municipality_code', '=', municipalityCode)
    .where((eb) => eb.between('day', range.from, range.to));
  const searches = db
    .selectFrom('directory_daily_searches')
    .select((eb) => [
      eb.fn<string>('to_char', ['day', eb.val('YYYY-MM')]).as('month'),
      eb.lit<number>(0).as('views'),
      'searches',
    ])
    .where('municipality_code', '=', municipalityCode)
    .where((eb) => eb.between('day', range.from, range.to));
  return db
    .selectFrom(views.unionAll(searches).as('c'))
    .select((eb) => [
      'c.month',
      eb.cast<number>(eb.fn.sum('c.views'), 'integer').as('views'),
      eb.cast<number>(eb.fn.sum('c.searches'), 'integer').as('searches'),
    ])
    .groupBy('c.month')
    .orderBy('c.month')
    .execute();
}

export function viewsPerFacility(
  db: Kysely<Database>,
  municipalityCode: string,
  range: Range,
  limit: number,
) {
  return db
    .selectFrom('directory_daily_views as v')
    .innerJoin('facilities as f', 'f.id', 'v.facility_id')
    .select((eb) => [
      'v.facility_id',
      'f.name',
      'f.type',
      eb.cast<number>(eb.fn.sum('v.views'), 'integer').as('views'),
    ])
    .where('v.municipality_code', '=', municipalityCode)
    .where((eb) => eb.between('v.day', range.from, range.to))
    .groupBy(['v.facility_id', 'f.name', 'f.type'])
    .orderBy('views', 'desc')
    .orderBy('f.name')
    .limit(limit)
    .execute();
}

/** Keywords searched at least `minCount` times in the range (rarer ones are not shown). */
export function topSearches(
  db: Kysely<Database>,
  municipalityCode: string,
  range: Range,
  limit: number,
  minCount: number,
) {
  return db
    .selectFrom('directory_daily_searches')
    .select((eb) => [
      'query_key as query',
      eb.cast<number>(eb.fn.sum('searches'), 'integer').as('count'),
      eb
        .cast<number>(
          eb.fn.coalesce(eb.fn.sum('searches').filterWhere('zero_result', '=', true), eb.lit(0)),
          'integer',
        )
        .as('zero_results'),
    ])
    .where('municipality_code', '=', municipalityCode)
    .where((eb) => eb.between('day', range.from, range.to))
    .where('query_key', '<>', '')
    .groupBy('query_key')
    .having((eb) => eb.fn.sum('searches'), '>=', minCount)
    .orderBy('count', 'desc')
    .orderBy('query')
    .limit(limit)
    .execute();
}

/** Searches that found nothing, by district and by capability asked for: where demand is unmet. */
export async function zeroResultCounts(db: Kysely<Database>, municipalityCode: string, range: Range) {
  const byDistrict = await db
    .selectFrom('directory_daily_searches as s')
    .leftJoin('directory_districts as d', (join) =>
      join.onRef('d.municipality_code', '=', 's.municipality_code').onRef('d.code', '=', 's.district_code'),
    )
    .select((eb) => [
      's.district_code as district',
      'd.name',
      eb.cast<number>(eb.fn.sum('s.searches'), 'integer').as('count'),
    ])
    .where('s.municipality_code', '=', municipalityCode)
    .where('s.zero_result', '=', true)
    .where((eb) => eb.between('s.day', range.from, range.to))
    .groupBy(['s.district_code', 'd.name', 'd.sort_order'])
    .orderBy('d.sort_order', (ob) => ob.nullsLast())
    .orderBy('s.district_code')
    .execute();
  // raw sql: the capability codes are one comma-joined column; unnest(string_to_array(…)) in FROM
  // splits them into rows, a set-returning function the builder has no FROM form for.
  const byCapability = await sql<{ capability: string; count: number }>`
    select code as capability, sum(searches)::int as count
    from directory_daily_searches s, unnest(string_to_array(s.capability_codes, ',')) as code
    where s.municipality_code = ${municipalityCode} and s.zero_result and s.capability_codes <> ''
      and s.day between ${range.from}::date and ${range.to}::date
    group by code order by count desc, code`.execute(db);
  return { byDistrict: byDistrict, byCapability: byCapability.rows };
}

/** Counts one page view of a facility on a Tokyo day; an unknown id counts nothing. */
export async function countFacilityView(
  db: Kysely<Database>,
  facilityId: string,
  day: string,
): Promise<void> {
  await db
    .insertInto('directory_daily_views')
    .columns(['municipality_code', 'day', 'facility_id', 'views'])
    .expression((eb) =>
      eb
        .selectFrom('facilities as f')
        .select((sb) => [
          'f.municipality_code',
          sb.cast<string>(sb.val(day), 'date').as('day'),
          'f.id',
          sb.lit(1).as('views'),
        ])
        .where('f.id', '=', facilityId),
    )
    .onConflict((oc) =>
      oc
        .columns(['municipality_code', 'day', 'facility_id'])
        .doUpdateSet((eb) => ({ views: eb('directory_daily_views.views', '+', 1) })),
    )
    .execute();
}

/** Counts one search with its filters, one row per day and combination. */
export async function countSearch(
  db: Kysely<Database>,
  row: Omit<Insertable<DirectoryDailySearchesTable>, 'searches'>,
): Promise<void> {
  await db
    .insertInto('directory_daily_searches')
    .values({ ...row, searches: 1 })
    .onConflict((oc) =>
      oc
        .columns([
          'municipality_code',
          'day',
          'query_key',
          'district_code',
          'capability_codes',
          'facility_types',
          'zero_result',
        ])
        .doUpdateSet((eb) => ({ searches: eb('directory_daily_searches.searches', '+', 1) })),
    )
    .execute();
}
