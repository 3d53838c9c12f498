-- Generated from src/server/modules/discharge/provider-change.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- insertChange
insert into "provider_changes" ("municipality_code", "patient_id", "case_id", "role", "to_role", "from_membership_id", "from_facility_id", "from_organisation_id", "from_label", "to_facility_id", "to_organisation_id", "to_label", "reason", "notified_at", "due_at", "escalated_at", "closed_at", "proposed_by")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
returning *;

-- findChange
select *
from "provider_changes"
where "id" = $1 and "municipality_code" = $2;

-- findChange (locked for a workflow step)
select *
from "provider_changes"
where "id" = $1 and "municipality_code" = $2
for update;

-- updateChange
update "provider_changes"
set "status" = $1, "notified_at" = $2
where "id" = $3
returning *;

-- changesOfPatientQuery
select "provider_changes".*, (
  select to_json(obj)
  from (
    select "k".*
    from "provider_change_consents" as "k"
    where "k"."change_id" = "provider_changes"."id") as obj) as "consent", (
  select to_json(obj)
  from (
    select "a".*
    from "provider_change_responses" as "a"
    where "a"."change_id" = "provider_changes"."id"
    order by "a"."responded_at" desc
    limit $1) as obj) as "latest_response"
from "provider_changes"
where "municipality_code" = $2 and "patient_id" = $3
order by "created_at" desc, "id" desc;

-- listChangesOfCase
select *
from "provider_changes"
where "case_id" = $1
order by "created_at";

-- listConsents
select *
from "provider_change_consents"
where "change_id" in ($1);

-- listLatestResponses
select distinct on ("change_id") *
from "provider_change_responses"
where "change_id" in ($1)
order by "change_id", "responded_at" desc;

-- insertConsent
insert into "provider_change_consents" ("change_id", "municipality_code", "given_by", "representative_name", "given_at", "method", "agreed", "offered_keep_current", "offered_shared_care", "document_ref", "recorded_by", "recorded_by_label", "recorded_at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13);

-- insertResponse
insert into "provider_change_responses" ("municipality_code", "change_id", "answer", "reason", "responded_by", "responded_by_label", "responded_at")
values ($1, $2, $3, $4, $5, $6, $7);

-- insertOverride
insert into "provider_change_overrides" ("change_id", "municipality_code", "reason_code", "reason_note", "requested_by", "second_user_id", "created_at")
values ($1, $2, $3, $4, $5, $6, $7);

-- listDueChanges
select "id", "municipality_code"
from "provider_changes"
where "status" = $1 and "due_at" <= $2
order by "due_at"
limit $3;

-- findCoordinatorByEmail
select "u"."id", "u"."display_name"
from "users" as "u"
inner join "memberships" as "m" on "m"."user_id" = "u"."id"
where "u"."municipality_code" = $1 and "u"."status" = $2 and lower("u"."email") = $3 and "m"."role" in ($4, $5);
