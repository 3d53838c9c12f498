-- Generated from src/server/platform/inbox/inbox.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- listInboxRows (first page)
select "inbox_notices".*, (
  select count(*) as "n"
  from "inbox_notices" as "u"
  where "u"."user_id" = $1 and "u"."read_at" is null) as "unread_count"
from "inbox_notices"
where "inbox_notices"."user_id" = $2
order by (inbox_notices.read_at is null) desc, "inbox_notices"."created_at" desc, "inbox_notices"."id" desc
limit $3;

-- listInboxRows (after a keyset position)
select "inbox_notices".*, (
  select count(*) as "n"
  from "inbox_notices" as "u"
  where "u"."user_id" = $1 and "u"."read_at" is null) as "unread_count"
from "inbox_notices"
where "inbox_notices"."user_id" = $2 and ((inbox_notices.read_at is null), "inbox_notices"."created_at", "inbox_notices"."id") < ($3, $4, $5)
order by (inbox_notices.read_at is null) desc, "inbox_notices"."created_at" desc, "inbox_notices"."id" desc
limit $6;

-- countUnread
select count(*) as "n"
from "inbox_notices"
where "user_id" = $1 and "read_at" is null;

-- findOwnNotice
select *
from "inbox_notices"
where "id" = $1 and "user_id" = $2
for update;
