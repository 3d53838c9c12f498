-- Generated from src/server/modules/accounts/audit-viewer.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- listAuditRows (an action prefix, after an id)
select *
from "audit_log"
where "municipality_code" = $1 and "action" like $2 and "id" < $3
order by "id" desc
limit $4;
