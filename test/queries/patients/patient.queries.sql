-- Generated from src/server/modules/patients/patient.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- listVisiblePatients (first page)
select "patients"."id", "patients"."name", "patients"."name_kana", "patients"."kana_key", "patients"."birth_date", "patients"."sex", "patients"."address_town", "patients"."care_level", "patients"."fictional", "patients"."updated_at"
from "patients"
where (patients.municipality_code = $1 and patients.status = 'active' and (exists (
      select 1
      from care_circle_memberships c
      where c.patient_id = patients.id and c.valid_to is null and (c.organisation_id in ($2::uuid, $3::uuid) or c.facility_id in ($4::uuid))) or patients.district_code in ($5::text) or exists (
      select 1
      from patient_break_glass b
      where b.patient_id = patients.id and b.user_id = $6::uuid and b.expires_at > $7)))
order by "patients"."kana_key" asc, "patients"."id" asc
limit $8;

-- listVisiblePatients (a kana filter, after a keyset position)
select "patients"."id", "patients"."name", "patients"."name_kana", "patients"."kana_key", "patients"."birth_date", "patients"."sex", "patients"."address_town", "patients"."care_level", "patients"."fictional", "patients"."updated_at"
from "patients"
where (patients.municipality_code = $1 and patients.status = 'active' and (exists (
      select 1
      from care_circle_memberships c
      where c.patient_id = patients.id and c.valid_to is null and (c.organisation_id in ($2::uuid, $3::uuid) or c.facility_id in ($4::uuid))) or patients.district_code in ($5::text) or exists (
      select 1
      from patient_break_glass b
      where b.patient_id = patients.id and b.user_id = $6::uuid and b.expires_at > $7))) and "patients"."kana_key" like $8 and ("patients"."kana_key", "patients"."id") > ($9, $10)
order by "patients"."kana_key" asc, "patients"."id" asc
limit $11;

-- countVisiblePatients
select count(*) as "n"
from "patients"
where (patients.municipality_code = $1 and patients.status = 'active' and (exists (
      select 1
      from care_circle_memberships c
      where c.patient_id = patients.id and c.valid_to is null and (c.organisation_id in ($2::uuid, $3::uuid) or c.facility_id in ($4::uuid))) or patients.district_code in ($5::text) or exists (
      select 1
      from patient_break_glass b
      where b.patient_id = patients.id and b.user_id = $6::uuid and b.expires_at > $7)));

-- insertPatient
insert into "patients" ("municipality_code", "name", "name_kana", "kana_key", "birth_date", "sex", "address_town", "address_detail", "district_code", "insurer_number", "insured_number", "care_level", "key_person", "merged_into", "created_by", "fictional")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
returning *;

-- updatePatientRow
update "patients"
set "care_level" = $1, "updated_at" = $2
where "id" = $3
returning *;

-- countSameKanaAndBirthDate
select count(*) as "n"
from "patients"
where "municipality_code" = $1 and "kana_key" = $2 and "birth_date" = $3 and "status" = $4 and "id" != $5;

-- listDuplicateGroups
select "kana_key", cast("birth_date" as text) as "birth_date", array_agg(cast("id" as text) order by "created_at") as "ids"
from "patients"
where "municipality_code" = $1 and "status" = $2
group by "kana_key", "birth_date"
having count(*) > 1
order by "kana_key", "birth_date"
limit $3;

-- findPatientsByIds
select *
from "patients"
where "municipality_code" = $1 and "id" in ($2, $3);

-- lockPatients
select *
from "patients"
where "municipality_code" = $1 and "id" in ($2, $3)
order by "id"
for update;

-- findActivePatient
select *
from "patients"
where "municipality_code" = $1 and "id" = $2 and "status" = $3;
