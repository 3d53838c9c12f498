-- Generated from src/server/modules/accounts/organisation.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- findOrganisation (locked)
select "id"
from "organisations"
where "id" = $1
for update;

-- findOrganisation (locked)
select "o".*, (
  select cast(count(distinct "m"."user_id") as integer) as "n"
  from "memberships" as "m"
  where "m"."organisation_id" = "o"."id") as "member_count"
from "organisations" as "o"
where "o"."municipality_code" = $1 and "o"."id" = $2;

-- listOrganisations (by kind and name)
select "o".*, (
  select cast(count(distinct "m"."user_id") as integer) as "n"
  from "memberships" as "m"
  where "m"."organisation_id" = "o"."id") as "member_count"
from "organisations" as "o"
where "o"."municipality_code" = $1 and "o"."kind" = $2 and ("o"."name" like $3 or "o"."name_kana" like $4)
order by "o"."kind", "o"."name";

-- isOrganisationInUse
select exists (
  select "id"
  from "memberships"
  where "organisation_id" = $1) as "members", exists (
  select "id"
  from "invitations"
  where "organisation_id" = $2) as "invitations";

-- listLinkedFacilityIds
select distinct "facility_id"
from "organisations"
where "id" in ($1, $2) and "municipality_code" = $3 and "facility_id" is not null;

-- insertOrganisation
insert into "organisations" ("municipality_code", "kind", "name", "name_kana", "facility_id")
values ($1, $2, $3, $4, $5)
returning "id";

-- updateOrganisationRow
update "organisations"
set "name" = $1, "updated_at" = $2
where "id" = $3;

-- deleteOrganisationRow
delete from "organisations"
where "id" = $1;

-- findFirstOrganisationOfKind
select "id"
from "organisations"
where "municipality_code" = $1 and "kind" = $2
order by "created_at"
limit $3;
