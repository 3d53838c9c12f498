-- Generated from src/server/modules/accounts/totp-secret.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- countSealedUserSecrets
select count(*) as "n"
from "users"
where "totp_secret" like $1;

-- lockUserSecrets (stored as they are)
select "id", "totp_secret" as "secret"
from "users"
where "totp_secret" is not null and "totp_secret" not like $1
for update;

-- setUserSecret
update "users"
set "totp_secret" = $1
where "id" = $2;

-- lockPendingOffers (every one)
select "id", "pending_totp_secret" as "secret"
from "sessions"
where "pending_totp_secret" is not null
for update;

-- setPendingOffer (dropped)
update "sessions"
set "pending_totp_secret" = $1
where "id" = $2;
