-- Generated from src/server/modules/discharge/patient-merge.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- moveDischargeRows
update "discharge_cases"
set "patient_id" = $1
where "patient_id" = $2;

-- moveDischargeRows
update "provider_changes"
set "patient_id" = $1
where "patient_id" = $2;

-- moveDischargeRows
update "case_notices"
set "patient_id" = $1
where "patient_id" = $2;

-- moveDischargeRows
update "referrals"
set "patient_id" = $1
where "patient_id" = $2;
