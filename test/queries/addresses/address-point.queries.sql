-- Generated from src/server/modules/addresses/address-point.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- listAddressTowns
select "town_name", count("chome") > $1 as "has_chome"
from "address_points"
where "municipality_code" = $2
group by "town_name"
order by "town_name";

-- findAddressPoint (a 住居)
select "level", "town_name", "chome", "block", "residence", "lat", "lng"
from "address_points"
where "municipality_code" = $1 and "town_key" = $2 and "level" = $3 and "chome" = $4 and "block" = $5 and "residence" = $6
order by "rsdt2_id", "machiaza_id"
limit $7;

-- findAddressPoint (a town without 丁目)
select "level", "town_name", "chome", "block", "residence", "lat", "lng"
from "address_points"
where "municipality_code" = $1 and "town_key" = $2 and "level" = $3 and "chome" is null
order by "rsdt2_id", "machiaza_id"
limit $4;

-- deleteAddressPoints
delete from "address_points"
where "municipality_code" = $1;

-- insertAddressPoints
insert into "address_points" ("municipality_code", "machiaza_id", "blk_id", "rsdt_id", "rsdt2_id", "level", "town_name", "town_key", "chome", "block", "residence", "residence2", "lat", "lng", "imported_at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15);
