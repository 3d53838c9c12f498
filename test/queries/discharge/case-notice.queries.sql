-- Generated from src/server/modules/discharge/case-notice.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- insertNotices
insert into "case_notices" ("municipality_code", "kind", "patient_id", "case_id", "provider_change_id", "recipient_organisation_id", "recipient_user_id", "recipient_facility_id", "recipient_label", "due_at", "sent_at", "read_at", "acknowledged_at", "acknowledged_by", "escalated_at", "created_at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
on conflict do nothing
returning *;

-- listNoticesOfCase
select *
from "case_notices"
where ("case_id" = $1 or provider_change_id = any(array(
      select id
      from provider_changes
      where case_id = $2)))
order by "created_at", "id";

-- listNoticesOfChange
select *
from "case_notices"
where "provider_change_id" = $1
order by "created_at";

-- listNoticesOfChange (one kind)
select *
from "case_notices"
where "provider_change_id" = $1 and "kind" = $2
order by "created_at";

-- findNotice
select *
from "case_notices"
where "id" = $1 and "municipality_code" = $2;

-- findNotice (locked for an answer)
select *
from "case_notices"
where "id" = $1 and "municipality_code" = $2
for update;

-- updateNotice
update "case_notices"
set "status" = $1, "acknowledged_at" = $2, "acknowledged_by" = $3
where "id" = $4;

-- listPendingForOrganisations (first page)
select "n".*, "p"."name" as "patient_name", "c"."hospital_name", "pc"."role", "pc"."to_label"
from "case_notices" as "n"
inner join "patients" as "p" on "p"."id" = "n"."patient_id"
left join "provider_changes" as "pc" on "pc"."id" = "n"."provider_change_id"
left join "discharge_cases" as "c" on "c"."id" = coalesce("n"."case_id", "pc"."case_id")
where "n"."municipality_code" = $1 and "n"."recipient_organisation_id" in ($2, $3) and "n"."status" not in ($4)
order by "n"."created_at" desc, "n"."id" desc
limit $5;

-- listPendingForOrganisations (after a keyset position)
select "n".*, "p"."name" as "patient_name", "c"."hospital_name", "pc"."role", "pc"."to_label"
from "case_notices" as "n"
inner join "patients" as "p" on "p"."id" = "n"."patient_id"
left join "provider_changes" as "pc" on "pc"."id" = "n"."provider_change_id"
left join "discharge_cases" as "c" on "c"."id" = coalesce("n"."case_id", "pc"."case_id")
where "n"."municipality_code" = $1 and "n"."recipient_organisation_id" in ($2, $3) and "n"."status" not in ($4) and ("n"."created_at", "n"."id") < ($5, $6)
order by "n"."created_at" desc, "n"."id" desc
limit $7;

-- findNoticeCaseId (a provider change's notice)
select "case_id"
from "provider_changes"
where "id" = $1;

-- findUserLabel
select "display_name"
from "users"
where "id" = $1;
