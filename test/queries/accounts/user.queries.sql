-- Generated from src/server/modules/accounts/user.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- findUserByEmail
select *
from "users"
where lower("email") = $1;

-- findUserById
select *
from "users"
where "id" = $1;

-- findUserById (locked, within a municipality)
select *
from "users"
where "id" = $1 and "municipality_code" = $2
for update;

-- updateUser
update "users"
set "failed_attempts" = $1, "locked_until" = $2, "updated_at" = $3
where "id" = $4;

-- insertUser
insert into "users" ("municipality_code", "email", "display_name", "password_hash", "last_login_at", "totp_secret", "totp_enrolled_at", "totp_last_step", "locked_until")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
returning "id";
