import { type Kysely, sql } from 'kysely';
import type { FacilityType } from '../../../contracts/directory';
import type { Database } from '../../platform/db/schema';
import './stats.table';

export type Range = { from: string; to: string };

export async function monthlyCounts(
  db: Kysely<Database>,
  municipalityCode: string,
  range: Range,
): Promise<Array<{ month: string; views: number; searches: number }>> {
  const { rows } = await sql<{ month: string; views: number; searches: number }>`
    select month, sum(views)::int as views, sum(searches)::int as searches from (
      select to_char(day, 'YYYY-MM') as month, views, 0 as searches from directory_daily_views
      where municipality_code = ${municipalityCode} and day between ${range.from}::date and ${range.to}::date
      union all
      select to_char(day, 'YYYY-MM'), 0, searches from directory_daily_searches
      where municipality_code = ${municipalityCode} and day between ${range.from}::date and ${range.to}::date
    ) c group by month order by month`.execute(db);
  return rows;
}

export async function viewsPerFacility(
  db: Kysely<Database>,
  municipalityCode: string,
  range: Range,
  limit: number,
) {
  const { rows } = await sql<{ facility_id: string; name: string; type: FacilityType; views: number }>`
    select v.facility_id, f.name, f.type, sum(v.views)::int as views
    from directory_daily_views v join facilities f on f.id = v.facility_id
    where v.municipality_code = ${municipalityCode} and v.day between ${range.from}::date and ${range.to}::date
    group by v.facility_id, f.name, f.type
    order by views desc, f.name limit ${limit}`.execute(db);
  return rows;
}

/** Keywords searched at least `minCount` times in the range (rarer ones are not shown). */
export async function topSearches(
  db: Kysely<Database>,
  municipalityCode: string,
  range: Range,
  limit: number,
  minCount: number,
) {
  const { rows } = await sql<{ query: string; count: number; zero_results: number }>`
    select query_key as query, sum(searches)::int as count,
      coalesce(sum(searches) filter (where zero_result), 0)::int as zero_results
    from directory_daily_searches
    where municipality_code = ${municipalityCode} and day between ${range.from}::date and ${range.to}::date
      and query_key <> ''
    group by query_key having sum(searches) >= ${minCount}
    order by count desc, query limit ${limit}`.execute(db);
  return rows;
}

/** Searches that found nothing, by district and by capability asked for: where demand is unmet. */
export async function zeroResultCounts(db: Kysely<Database>, municipalityCode: string, range: Range) {
  const byDistrict = await sql<{ district: string; name: string | null; count: number }>`
    select s.district_code as district, d.name, sum(s.searches)::int as count
    from directory_daily_searches s
    left join directory_districts d on d.municipality_code = s.municipality_code and d.code = s.district_code
    where s.municipality_code = ${municipalityCode} and s.zero_result
      and s.day between ${range.from}::date and ${range.to}::date
    group by s.district_code, d.name, d.sort_order order by d.sort_order nulls last, s.district_code`.execute(
    db,
  );
  const byCapability = await sql<{ capability: string; count: number }>`
    select code as capability, sum(searches)::int as count
    from directory_daily_searches s, unnest(string_to_array(s.capability_codes, ',')) as code
    where s.municipality_code = ${municipalityCode} and s.zero_result and s.capability_codes <> ''
      and s.day between ${range.from}::date and ${range.to}::date
    group by code order by count desc, code`.execute(db);
  return { byDistrict: byDistrict.rows, byCapability: byCapability.rows };
}
