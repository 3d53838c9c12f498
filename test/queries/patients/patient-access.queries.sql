-- Generated from src/server/modules/patients/patient-access.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- resolvePatientScope
select "o"."id", "o"."kind", "o"."facility_id", "f"."district_code"
from "organisations" as "o"
left join "facilities" as "f" on "f"."id" = "o"."facility_id"
where "o"."id" in ($1, $2) and "o"."municipality_code" = $3;

-- visiblePatientFilter (the one visibility rule, on a bare select)
select "id"
from "patients"
where (patients.municipality_code = $1 and patients.status = 'active' and (exists (
      select 1
      from care_circle_memberships c
      where c.patient_id = patients.id and c.valid_to is null and (c.organisation_id in ($2::uuid, $3::uuid) or c.facility_id in ($4::uuid))) or patients.district_code in ($5::text) or exists (
      select 1
      from patient_break_glass b
      where b.patient_id = patients.id and b.user_id = $6::uuid and b.expires_at > $7)));

-- visiblePatientFilter (no circle, no district)
select "id"
from "patients"
where (patients.municipality_code = $1 and patients.status = 'active' and (false or false or exists (
      select 1
      from patient_break_glass b
      where b.patient_id = patients.id and b.user_id = $2::uuid and b.expires_at > $3)));

-- filterVisiblePatientIds
select "id"
from "patients"
where "id" in ($1, $2) and (patients.municipality_code = $3 and patients.status = 'active' and (exists (
      select 1
      from care_circle_memberships c
      where c.patient_id = patients.id and c.valid_to is null and (c.organisation_id in ($4::uuid, $5::uuid) or c.facility_id in ($6::uuid))) or patients.district_code in ($7::text) or exists (
      select 1
      from patient_break_glass b
      where b.patient_id = patients.id and b.user_id = $8::uuid and b.expires_at > $9)));

-- findPatientWithBasis
select "patients".*, exists (
  select 1
  from care_circle_memberships c
  where c.patient_id = patients.id and c.valid_to is null and (c.organisation_id in ($1::uuid, $2::uuid) or c.facility_id in ($3::uuid))) as "via_circle", patients.district_code in ($4::text) as "via_district", exists (
  select 1
  from patient_break_glass b
  where b.patient_id = patients.id and b.user_id = $5::uuid and b.expires_at > $6) as "via_break_glass"
from "patients"
where "id" = $7 and "municipality_code" = $8 and "status" = $9;
