-- Generated from src/server/platform/municipality.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- findMunicipality
select "code", "name", "prefecture"
from "municipalities"
where "code" = $1;

-- findMunicipalityName
select "name"
from "municipalities"
where "code" = $1;

-- insertMunicipality
insert into "municipalities" ("code", "name", "name_kana", "name_en", "prefecture")
values ($1, $2, $3, $4, $5)
on conflict ("code") do nothing;

-- listMunicipalities
select "code", "name", "prefecture"
from "municipalities"
order by "code";
