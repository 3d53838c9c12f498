-- Generated from src/server/modules/directory/stats.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- monthlyCounts (views and searches, union all)
select "c"."month", cast(sum("c"."views") as integer) as "views", cast(sum("c"."searches") as integer) as "searches"
from (
  select to_char("day", $1) as "month", "views", 0 as "searches"
  from "directory_daily_views"
  where "municipality_code" = $2 and "day" between $3 and $4
  union all
  select to_char("day", $5) as "month", 0 as "views", "searches"
  from "directory_daily_searches"
  where "municipality_code" = $6 and "day" between $7 and $8) as "c"
group by "c"."month"
order by "c"."month";

-- viewsPerFacility
select "v"."facility_id", "f"."name", "f"."type", cast(sum("v"."views") as integer) as "views"
from "directory_daily_views" as "v"
inner join "facilities" as "f" on "f"."id" = "v"."facility_id"
where "v"."municipality_code" = $1 and "v"."day" between $2 and $3
group by "v"."facility_id", "f"."name", "f"."type"
order by "views" desc, "f"."name"
limit $4;

-- topSearches
select "query_key" as "query", cast(sum("searches") as integer) as "count", cast(coalesce(sum("searches") filter(where "zero_result" = $1), 0) as integer) as "zero_results"
from "directory_daily_searches"
where "municipality_code" = $2 and "day" between $3 and $4 and "query_key" <> $5
group by "query_key"
having sum("searches") >= $6
order by "count" desc, "query"
limit $7;

-- zeroResultCounts (by district, then by capability)
select "s"."district_code" as "district", "d"."name", cast(sum("s"."searches") as integer) as "count"
from "directory_daily_searches" as "s"
left join "directory_districts" as "d" on "d"."municipality_code" = "s"."municipality_code" and "d"."code" = "s"."district_code"
where "s"."municipality_code" = $1 and "s"."zero_result" = $2 and "s"."day" between $3 and $4
group by "s"."district_code", "d"."name", "d"."sort_order"
order by "d"."sort_order" nulls last, "s"."district_code";

-- zeroResultCounts (by district, then by capability)
select code as capability, sum(searches)::int as count
from directory_daily_searches s, unnest(string_to_array(s.capability_codes, ',')) as code
where s.municipality_code = $1 and s.zero_result and s.capability_codes <> '' and s.day between $2::date and $3::date
group by code
order by count desc, code;

-- countFacilityView (insert … select, one more on conflict)
insert into "directory_daily_views" ("municipality_code", "day", "facility_id", "views")
select "f"."municipality_code", cast($1 as date) as "day", "f"."id", 1 as "views"
from "facilities" as "f"
where "f"."id" = $2
on conflict ("municipality_code", "day", "facility_id") do
update
set "views" = "directory_daily_views"."views" + $3;

-- countSearch
insert into "directory_daily_searches" ("municipality_code", "day", "query_key", "district_code", "capability_codes", "facility_types", "zero_result", "searches")
values ($1, $2, $3, $4, $5, $6, $7, $8)
on conflict ("municipality_code", "day", "query_key", "district_code", "capability_codes", "facility_types", "zero_result") do
update
set "searches" = "directory_daily_searches"."searches" + $9;
