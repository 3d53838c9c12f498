-- Generated from src/server/modules/accounts/password-reset.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- countResetsSince
select count(*) as "count"
from "password_resets"
where "user_id" = $1 and "created_at" > $2;

-- insertPasswordReset
insert into "password_resets" ("user_id", "token_hash", "created_at", "expires_at", "used_at")
values ($1, $2, $3, $4, $5)
returning "id";

-- findUsableReset
select *
from "password_resets"
where "token_hash" = $1 and "used_at" is null and "expires_at" > $2;

-- useOpenResets
update "password_resets"
set "used_at" = $1
where "user_id" = $2 and "used_at" is null
returning "id";
