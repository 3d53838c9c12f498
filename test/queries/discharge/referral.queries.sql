-- Generated from src/server/modules/discharge/referral.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- insertReferral
insert into "referrals" ("municipality_code", "patient_id", "case_id", "provider_change_id", "role", "recipient_facility_id", "recipient_organisation_id", "recipient_label", "named_facility_id", "named_label", "reason", "note", "capacity_signal", "capacity_set_at", "agreement_given_by", "agreement_method", "agreement_given_at", "agreement_note", "task_id", "sender_organisation_id", "sender_label", "created_by", "sent_at", "received_at", "answered_at", "answered_by", "closed_at", "created_at", "updated_at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29)
returning *;

-- findReferral
select *
from "referrals"
where "id" = $1 and "municipality_code" = $2;

-- findReferral (locked for a workflow step)
select *
from "referrals"
where "id" = $1 and "municipality_code" = $2
for update;

-- updateReferral
update "referrals"
set "status" = $1, "sent_at" = $2, "updated_at" = $3
where "id" = $4
returning *;

-- referralsOfPatientQuery
select *
from "referrals"
where "municipality_code" = $1 and "patient_id" = $2
order by "created_at" desc, "id" desc;

-- referralSummariesOfPatientQuery
select *, (
  select count(*) as "n"
  from "referrals" as "o"
  where "o"."patient_id" = "referrals"."patient_id" and "o"."role" = "referrals"."role" and "o"."status" in ($1, $2, $3, $4)) as "open_for_role", (
  select "k"."signal"
  from "facility_capacity" as "k"
  inner join "facilities" as "f" on "f"."id" = "k"."facility_id"
  where "k"."facility_id" = "referrals"."recipient_facility_id" and "f"."municipality_code" = "referrals"."municipality_code") as "recipient_capacity_signal", (
  select "k"."set_at"
  from "facility_capacity" as "k"
  inner join "facilities" as "f" on "f"."id" = "k"."facility_id"
  where "k"."facility_id" = "referrals"."recipient_facility_id" and "f"."municipality_code" = "referrals"."municipality_code") as "recipient_capacity_set_at"
from "referrals"
where "municipality_code" = $5 and "patient_id" = $6
order by "created_at" desc, "id" desc;

-- listReferralSummariesOfPatient
select *, (
  select count(*) as "n"
  from "referrals" as "o"
  where "o"."patient_id" = "referrals"."patient_id" and "o"."role" = "referrals"."role" and "o"."status" in ($1, $2, $3, $4)) as "open_for_role", (
  select "k"."signal"
  from "facility_capacity" as "k"
  inner join "facilities" as "f" on "f"."id" = "k"."facility_id"
  where "k"."facility_id" = "referrals"."recipient_facility_id" and "f"."municipality_code" = "referrals"."municipality_code") as "recipient_capacity_signal", (
  select "k"."set_at"
  from "facility_capacity" as "k"
  inner join "facilities" as "f" on "f"."id" = "k"."facility_id"
  where "k"."facility_id" = "referrals"."recipient_facility_id" and "f"."municipality_code" = "referrals"."municipality_code") as "recipient_capacity_set_at"
from "referrals"
where "municipality_code" = $5 and "patient_id" = $6
order by "created_at" desc, "id" desc;

-- listOpenReferralsForRole
select *
from "referrals"
where "patient_id" = $1 and "role" = $2 and "status" in ($3, $4, $5, $6)
order by "created_at"
for update;

-- countOpenByRole
select "patient_id", "role", count(*) as "n"
from "referrals"
where "patient_id" in ($1, $2) and "status" in ($3, $4, $5, $6)
group by "patient_id", "role";

-- listIncomingReferrals (open, first page)
select *
from "referrals"
where "municipality_code" = $1 and "status" <> $2 and ("recipient_organisation_id" in ($3) or "recipient_facility_id" in ($4)) and "status" in ($5, $6, $7)
order by "created_at" desc, "id" desc
limit $8;

-- listIncomingReferrals (all, after a keyset position)
select *
from "referrals"
where "municipality_code" = $1 and "status" <> $2 and "recipient_organisation_id" in ($3) and ("created_at", "id") < ($4, $5)
order by "created_at" desc, "id" desc
limit $6;

-- listAssociationDesks
select "id", "name"
from "organisations"
where "municipality_code" = $1 and "kind" = $2
order by "name";

-- findAssociationDesk
select "id", "name"
from "organisations"
where "municipality_code" = $1 and "kind" = $2 and "id" = $3;
