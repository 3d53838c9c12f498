-- Generated from src/server/modules/accounts/outbox-admin.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- listOutboxRows (first page, by status)
select "id", "kind", "to_address", "subject", "status", "attempts", "next_attempt_at", "last_error", "created_at", "sent_at"
from "mail_outbox"
where "municipality_code" = $1 and "status" = $2
order by "created_at" desc, "id" desc
limit $3;

-- listOutboxRows (after a keyset position)
select "id", "kind", "to_address", "subject", "status", "attempts", "next_attempt_at", "last_error", "created_at", "sent_at"
from "mail_outbox"
where "municipality_code" = $1 and ("created_at", "id") < ($2, $3)
order by "created_at" desc, "id" desc
limit $4;

-- findOutboxMail (locked)
select *
from "mail_outbox"
where "id" = $1 and "municipality_code" = $2
for update;

-- requeueOutboxMail
update "mail_outbox"
set "status" = $1, "attempts" = $2, "next_attempt_at" = $3
where "id" = $4
returning *;
