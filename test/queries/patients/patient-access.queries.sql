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

-- findPatientPage (scope, patient, circle, two sections and their access-log rows in one statement)
with "page_scope" as ((
    select "o"."id", "o"."kind", "o"."facility_id", "f"."district_code"
    from "organisations" as "o"
    left join "facilities" as "f" on "f"."id" = "o"."facility_id"
    where "o"."id" in ($1, $2) and "o"."municipality_code" = $3)), page_patient as materialized ((
    select "patients".*, exists (
      select 1
      from care_circle_memberships c
      where c.patient_id = patients.id and c.valid_to is null and (c.organisation_id in (
          select id
          from "page_scope") or c.facility_id in (
          select facility_id
          from "page_scope"
          where facility_id is not null))) as "via_circle", patients.district_code in (
      select district_code
      from "page_scope"
      where kind = 'community_support_center' and id in ($4::uuid) and district_code is not null) as "via_district", exists (
      select 1
      from patient_break_glass b
      where b.patient_id = patients.id and b.user_id = $5::uuid and b.expires_at > $6) as "via_break_glass"
    from "patients"
    where "id" = $7 and "municipality_code" = $8 and "status" = $9)), "page_visible" as (
  select *, case when via_circle then 'circle' when via_district then 'district' else 'break_glass' end as basis
  from page_patient
  where via_circle or via_district or via_break_glass) , "page_section_0" as (
  select *
  from ((
      select "id"
      from "discharge_cases"
      where "patient_id" = $10)) s
  where exists (
    select 1
    from "page_visible")), "page_section_1" as (
  select *
  from ((
      select "id"
      from "documents"
      where "patient_id" = $11
      limit $12)) s
  where exists (
    select 1
    from "page_visible")) , page_log as (insert into "access_log" ("occurred_at", "municipality_code", "actor_user_id", "actor_label", "patient_id", "record_type", "record_id", "action", "basis", "request_id", "client_ip")
  select $13::timestamptz, $14, $15::uuid, $16, r.patient_id, r.record_type, r.record_id, $17, r.basis, $18, $19
  from (
    select id as patient_id, 'patient'::text as record_type, id::text as record_id, basis
    from "page_visible"
    union all
    select (
      select id
      from "page_visible"), $20::text, s.id::text, null::text
    from "page_section_0" s
    union all
    select (
      select id
      from "page_visible"), $21::text, s.id::text, null::text
    from "page_section_1" s) as r(patient_id, record_type, record_id, basis)
  returning 1)
select "page_visible".*, (
  select coalesce(json_agg(x), '[]'::json)
  from "page_scope" x) as page_scope, (
  select coalesce(json_agg(x), '[]'::json)
  from ((
      select "c"."id", "c"."patient_id", "c"."role", "c"."facility_id", "f"."name" as "facility_name", "c"."organisation_id", "o"."name" as "organisation_name", "c"."person_name", "c"."valid_from", "c"."valid_to", "c"."start_reason", "c"."end_reason"
      from "care_circle_memberships" as "c"
      left join "facilities" as "f" on "f"."id" = "c"."facility_id"
      left join "organisations" as "o" on "o"."id" = "c"."organisation_id"
      where "c"."municipality_code" = $22 and "c"."patient_id" = $23 and "c"."valid_to" is null
      order by "c"."role", "c"."valid_from")) x) as page_circle , (
  select coalesce(json_agg(x), '[]'::json)
  from "page_section_0" x) as "page_section_0", (
  select coalesce(json_agg(x), '[]'::json)
  from "page_section_1" x) as "page_section_1"
from "page_visible";
