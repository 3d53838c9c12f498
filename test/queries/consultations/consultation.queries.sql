-- Generated from src/server/modules/consultations/consultation.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- insertConsultation
insert into "consultations" ("id", "municipality_code", "organisation_id", "subject_name", "subject_kana", "age_band", "district_code", "lives_in_ward", "patient_id", "gap_flags", "routed_to", "routed_note", "opened_by", "opened_by_label", "first_contact_at", "last_contact_at", "created_at", "updated_at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
returning *;

-- insertConsultationContact
insert into "consultation_contacts" ("municipality_code", "consultation_id", "occurred_at", "channel", "consulter", "institution_facility_id", "institution_name", "institution_in_ward", "referral_source", "topics", "responses", "summary", "follow_up_on", "recorded_by", "recorded_by_label", "created_at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
returning *;

-- findConsultation
select *
from "consultations"
where "id" = $1 and "municipality_code" = $2 and "organisation_id" in ($3);

-- findConsultation (locked, for a step)
select *
from "consultations"
where "id" = $1 and "municipality_code" = $2 and "organisation_id" in ($3)
for update;

-- updateConsultation
update "consultations"
set "status" = $1, "updated_at" = $2
where "id" = $3
returning *;

-- listConsultationRows (first page)
select "c".*, (
  select count(*) as "n"
  from "consultation_contacts" as "k"
  where "k"."consultation_id" = "c"."id") as "contact_count"
from "consultations" as "c"
where "c"."municipality_code" = $1 and "c"."organisation_id" in ($2)
order by "c"."last_contact_at" desc, "c"."id" desc
limit $3;

-- listConsultationRows (a status, after a cursor)
select "c".*, (
  select count(*) as "n"
  from "consultation_contacts" as "k"
  where "k"."consultation_id" = "c"."id") as "contact_count"
from "consultations" as "c"
where "c"."municipality_code" = $1 and "c"."organisation_id" in ($2) and "c"."status" = $3 and ("c"."last_contact_at", "c"."id") < ($4, $5)
order by "c"."last_contact_at" desc, "c"."id" desc
limit $6;

-- listConsultationContacts
select *
from "consultation_contacts"
where "consultation_id" = $1
order by "occurred_at" desc, "created_at" desc, "id" desc;

-- findWindowName
select "name"
from "organisations"
where "id" = $1;

-- moveConsultationsToPatient
update "consultations"
set "patient_id" = $1
where "patient_id" = $2;
