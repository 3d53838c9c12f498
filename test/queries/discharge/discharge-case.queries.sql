-- Generated from src/server/modules/discharge/discharge-case.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- findEscalationDays
select "escalation_business_days"
from "discharge_settings"
where "municipality_code" = $1;

-- listChecklistTemplate
select "position", "label"
from "discharge_checklist_templates"
where "municipality_code" = $1 and "active" = $2
order by "position";

-- insertChecklistTemplate
insert into "discharge_checklist_templates" ("municipality_code", "position", "label")
values ($1, $2, $3), ($4, $5, $6)
on conflict ("municipality_code", "position") do nothing;

-- insertCase
insert into "discharge_cases" ("municipality_code", "patient_id", "hospital_facility_id", "hospital_organisation_id", "hospital_name", "admitted_on", "expected_discharge_on", "note", "opened_by", "opened_by_organisation_id")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
returning *;

-- insertCaseItems
insert into "discharge_case_items" ("position", "label", "case_id", "municipality_code")
values ($1, $2, $3, $4), ($5, $6, $7, $8);

-- findCase
select *
from "discharge_cases"
where "id" = $1 and "municipality_code" = $2;

-- findCase (locked for a workflow step)
select *
from "discharge_cases"
where "id" = $1 and "municipality_code" = $2
for update;

-- updateCase
update "discharge_cases"
set "status" = $1, "updated_at" = $2
where "id" = $3
returning *;

-- casesOfPatientQuery
select "discharge_cases".*, (
  select count(*) as "n"
  from "provider_changes" as "pc"
  where "pc"."case_id" = "discharge_cases"."id" and "pc"."patient_id" = "discharge_cases"."patient_id" and "pc"."status" in ($1, $2)) as "open_changes", (
  select count(*) as "n"
  from "provider_changes" as "pc"
  where "pc"."case_id" = "discharge_cases"."id" and "pc"."patient_id" = "discharge_cases"."patient_id" and "pc"."status" = $3) as "escalations"
from "discharge_cases"
where "municipality_code" = $4 and "patient_id" = $5
order by "created_at" desc;

-- listCaseRows (all, first page)
select "c".*, "patients"."name" as "patient_name", (
  select count(*) as "n"
  from "provider_changes" as "pc"
  where "pc"."case_id" = "c"."id" and "pc"."status" in ($1, $2, $3, $4)) as "open_changes", (
  select count(*) as "n"
  from "provider_changes" as "pc"
  where "pc"."case_id" = "c"."id" and "pc"."status" = $5) as "escalations"
from "discharge_cases" as "c"
inner join "patients" on "patients"."id" = "c"."patient_id"
where "c"."municipality_code" = $6 and (patients.municipality_code = $7 and patients.status = 'active' and (exists (
      select 1
      from care_circle_memberships c
      where c.patient_id = patients.id and c.valid_to is null and (c.organisation_id in ($8::uuid, $9::uuid) or c.facility_id in ($10::uuid))) or patients.district_code in ($11::text) or exists (
      select 1
      from patient_break_glass b
      where b.patient_id = patients.id and b.user_id = $12::uuid and b.expires_at > $13)))
order by "c"."created_at" desc, "c"."id" desc
limit $14;

-- listCaseRows (active, after a keyset position)
select "c".*, "patients"."name" as "patient_name", (
  select count(*) as "n"
  from "provider_changes" as "pc"
  where "pc"."case_id" = "c"."id" and "pc"."status" in ($1, $2, $3, $4)) as "open_changes", (
  select count(*) as "n"
  from "provider_changes" as "pc"
  where "pc"."case_id" = "c"."id" and "pc"."status" = $5) as "escalations"
from "discharge_cases" as "c"
inner join "patients" on "patients"."id" = "c"."patient_id"
where "c"."municipality_code" = $6 and (patients.municipality_code = $7 and patients.status = 'active' and (exists (
      select 1
      from care_circle_memberships c
      where c.patient_id = patients.id and c.valid_to is null and (c.organisation_id in ($8::uuid, $9::uuid) or c.facility_id in ($10::uuid))) or patients.district_code in ($11::text) or exists (
      select 1
      from patient_break_glass b
      where b.patient_id = patients.id and b.user_id = $12::uuid and b.expires_at > $13))) and "c"."status" in ($14, $15, $16, $17, $18) and ("c"."created_at", "c"."id") < ($19, $20)
order by "c"."created_at" desc, "c"."id" desc
limit $21;

-- listCaseRows (escalated)
select "c".*, "patients"."name" as "patient_name", (
  select count(*) as "n"
  from "provider_changes" as "pc"
  where "pc"."case_id" = "c"."id" and "pc"."status" in ($1, $2, $3, $4)) as "open_changes", (
  select count(*) as "n"
  from "provider_changes" as "pc"
  where "pc"."case_id" = "c"."id" and "pc"."status" = $5) as "escalations"
from "discharge_cases" as "c"
inner join "patients" on "patients"."id" = "c"."patient_id"
where "c"."municipality_code" = $6 and (patients.municipality_code = $7 and patients.status = 'active' and (exists (
      select 1
      from care_circle_memberships c
      where c.patient_id = patients.id and c.valid_to is null and (c.organisation_id in ($8::uuid, $9::uuid) or c.facility_id in ($10::uuid))) or patients.district_code in ($11::text) or exists (
      select 1
      from patient_break_glass b
      where b.patient_id = patients.id and b.user_id = $12::uuid and b.expires_at > $13))) and exists (
  select "pc"."id"
  from "provider_changes" as "pc"
  where "pc"."case_id" = "c"."id" and "pc"."status" = $14)
order by "c"."created_at" desc, "c"."id" desc
limit $15;

-- listCaseItems
select *
from "discharge_case_items"
where "case_id" = $1
order by "position";

-- updateCaseItem
update "discharge_case_items"
set "done" = $1, "note" = $2, "done_by" = $3, "done_at" = $4
where "case_id" = $5 and "id" = $6
returning *;

-- listTasks
select *
from "discharge_tasks"
where "case_id" = $1
order by "created_at", "id";

-- insertTask
insert into "discharge_tasks" ("municipality_code", "case_id", "title", "owner_name", "due_on", "done_at", "created_by")
values ($1, $2, $3, $4, $5, $6, $7)
returning *;

-- updateTask
update "discharge_tasks"
set "done" = $1, "done_at" = $2
where "case_id" = $3 and "id" = $4
returning *;

-- listContacts
select *
from "discharge_contacts"
where "case_id" = $1
order by "at" desc, "id";

-- insertContact
insert into "discharge_contacts" ("municipality_code", "case_id", "kind", "with_whom", "at", "outcome", "recorded_by", "recorded_by_label")
values ($1, $2, $3, $4, $5, $6, $7, $8)
returning *;

-- findOrganisationOfFacility
select "id", "name"
from "organisations"
where "municipality_code" = $1 and "facility_id" = $2;

-- findFacilityName
select "name"
from "facilities"
where "id" = $1;

-- findOrganisationName
select "name"
from "organisations"
where "id" = $1;
