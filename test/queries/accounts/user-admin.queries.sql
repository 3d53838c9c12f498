-- Generated from src/server/modules/accounts/user-admin.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- findAdminUser
select "u".*, (
  select coalesce(json_agg(agg), '[]')
  from (
    select "m"."id", "m"."user_id" as "userId", "m"."organisation_id" as "organisationId", "o"."name" as "organisationName", "m"."role"
    from "memberships" as "m"
    inner join "organisations" as "o" on "o"."id" = "m"."organisation_id"
    where "m"."user_id" = "u"."id"
    order by "o"."name", "m"."role") as agg) as "memberships", (
  select "r"."requested_by_label"
  from "two_factor_reset_requests" as "r"
  where "r"."user_id" = "u"."id" and "r"."closed_at" is null and "r"."expires_at" > $1) as "two_factor_reset_requested_by"
from "users" as "u"
where "u"."municipality_code" = $2 and "u"."id" = $3;

-- listAdminUsers (first page, every filter)
select "u".*, (
  select coalesce(json_agg(agg), '[]')
  from (
    select "m"."id", "m"."user_id" as "userId", "m"."organisation_id" as "organisationId", "o"."name" as "organisationName", "m"."role"
    from "memberships" as "m"
    inner join "organisations" as "o" on "o"."id" = "m"."organisation_id"
    where "m"."user_id" = "u"."id"
    order by "o"."name", "m"."role") as agg) as "memberships", (
  select "r"."requested_by_label"
  from "two_factor_reset_requests" as "r"
  where "r"."user_id" = "u"."id" and "r"."closed_at" is null and "r"."expires_at" > $1) as "two_factor_reset_requested_by"
from "users" as "u"
where "u"."municipality_code" = $2 and "u"."status" = $3 and ("u"."email" like $4 or "u"."display_name" like $5) and exists (
  select "m"."id"
  from "memberships" as "m"
  where "m"."user_id" = "u"."id" and "m"."organisation_id" = $6)
order by "u"."email" asc, "u"."id" asc
limit $7;

-- listAdminUsers (after a keyset position)
select "u".*, (
  select coalesce(json_agg(agg), '[]')
  from (
    select "m"."id", "m"."user_id" as "userId", "m"."organisation_id" as "organisationId", "o"."name" as "organisationName", "m"."role"
    from "memberships" as "m"
    inner join "organisations" as "o" on "o"."id" = "m"."organisation_id"
    where "m"."user_id" = "u"."id"
    order by "o"."name", "m"."role") as agg) as "memberships", (
  select "r"."requested_by_label"
  from "two_factor_reset_requests" as "r"
  where "r"."user_id" = "u"."id" and "r"."closed_at" is null and "r"."expires_at" > $1) as "two_factor_reset_requested_by"
from "users" as "u"
where "u"."municipality_code" = $2 and ("u"."email", "u"."id") > ($3, $4)
order by "u"."email" asc, "u"."id" asc
limit $5;

-- lockWardAdmins
select pg_advisory_xact_lock(hashtextextended($1, 0)) as "locked";

-- countActiveWardAdmins (leaving out one membership)
select count(distinct "u"."id") as "n"
from "memberships" as "m"
inner join "users" as "u" on "u"."id" = "m"."user_id"
where "m"."municipality_code" = $1 and "m"."role" = $2 and "u"."status" = $3 and "m"."id" != $4;

-- listWardAdminEmails
select distinct "u"."email"
from "memberships" as "m"
inner join "users" as "u" on "u"."id" = "m"."user_id"
where "m"."municipality_code" = $1 and "m"."role" = $2 and "u"."status" = $3
order by "u"."email";

-- insertMembership
insert into "memberships" ("municipality_code", "user_id", "organisation_id", "role")
values ($1, $2, $3, $4)
returning "id";

-- findMembership (locked)
select *
from "memberships"
where "id" = $1 and "municipality_code" = $2
for update;

-- deleteMembership
delete from "memberships"
where "id" = $1;
