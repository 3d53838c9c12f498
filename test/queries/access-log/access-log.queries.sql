-- Generated from src/server/platform/access-log/access-log.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- listAccessLogRows (first page)
select *
from "access_log"
where "municipality_code" = $1
order by "id" desc
limit $2;

-- listAccessLogRows (every filter, before an id)
select *
from "access_log"
where "municipality_code" = $1 and "patient_id" = $2 and "actor_user_id" = $3 and "action" = $4 and "basis" = $5 and "record_type" = $6 and "record_id" = $7 and "occurred_at" >= $8 and "occurred_at" < $9 and "id" < $10
order by "id" desc
limit $11;

-- insertAccessLogFrom (the rows of a source statement)
insert into "access_log" ("occurred_at", "municipality_code", "actor_user_id", "actor_label", "patient_id", "record_type", "record_id", "action", "basis", "request_id", "client_ip")
select $1::timestamptz, $2, $3::uuid, $4, r.patient_id, r.record_type, r.record_id, $5, r.basis, $6, $7
from (
  select $8::uuid, 'patient', $9, 'circle') as r(patient_id, record_type, record_id, basis);

-- findLastSealDetails
select "details"
from "audit_log"
where "action" = $1
order by "id" desc
limit $2;

-- listSealDetails
select "details"
from "audit_log"
where "action" = $1
order by "id";

-- findLastSettledId
select max("id") as "id"
from "access_log"
where "id" > $1 and "occurred_at" <= $2;

-- listAccessLogRange
select *
from "access_log"
where "id" > $1 and "id" <= $2
order by "id"
limit $3;

-- countAccessLogAfter
select count(*) as "n"
from "access_log"
where "id" > $1;
