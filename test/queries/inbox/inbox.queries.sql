-- Generated from src/server/platform/inbox/inbox.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- listInboxRows (first page)
select *
from "inbox_notices"
where "user_id" = $1
order by "created_at" desc, "id" desc
limit $2;

-- listInboxRows (after a keyset position)
select *
from "inbox_notices"
where "user_id" = $1 and ("created_at" < $2 or ("created_at" = $3 and "id" < $4))
order by "created_at" desc, "id" desc
limit $5;

-- countUnread
select count(*) as "n"
from "inbox_notices"
where "user_id" = $1 and "read_at" is null;

-- findOwnNotice
select *
from "inbox_notices"
where "id" = $1 and "user_id" = $2
for update;
