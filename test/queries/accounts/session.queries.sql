-- Generated from src/server/modules/accounts/session.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- findSessionRecord (by token hash)
select "s"."id" as "sessionId", "s"."csrf_token" as "csrfToken", "s"."two_factor_verified" as "twoFactorVerified", "s"."pending_totp_secret" as "pendingTotpSecret", "s"."device_hash" as "deviceHash", "s"."user_agent" as "userAgent", "s"."created_at" as "createdAt", "s"."last_seen_at" as "lastSeenAt", "u"."id" as "userId", "u"."email", "u"."display_name" as "displayName", "u"."status", "u"."password_change_required" as "passwordChangeRequired", "u"."municipality_code" as "municipalityCode", "m"."name" as "municipalityName", "u"."totp_secret" is not null as "totpEnrolled", (
  select coalesce(json_agg(agg), '[]')
  from (
    select "ms"."organisation_id" as "organisationId", "o"."name" as "organisationName", "o"."kind" as "organisationKind", "ms"."role"
    from "memberships" as "ms"
    inner join "organisations" as "o" on "o"."id" = "ms"."organisation_id"
    where "ms"."user_id" = "u"."id"
    order by "o"."name", "ms"."role") as agg) as "memberships"
from "sessions" as "s"
inner join "users" as "u" on "u"."id" = "s"."user_id"
inner join "municipalities" as "m" on "m"."code" = "u"."municipality_code"
where "s"."token_hash" = $1;

-- findSessionRecord (by id)
select "s"."id" as "sessionId", "s"."csrf_token" as "csrfToken", "s"."two_factor_verified" as "twoFactorVerified", "s"."pending_totp_secret" as "pendingTotpSecret", "s"."device_hash" as "deviceHash", "s"."user_agent" as "userAgent", "s"."created_at" as "createdAt", "s"."last_seen_at" as "lastSeenAt", "u"."id" as "userId", "u"."email", "u"."display_name" as "displayName", "u"."status", "u"."password_change_required" as "passwordChangeRequired", "u"."municipality_code" as "municipalityCode", "m"."name" as "municipalityName", "u"."totp_secret" is not null as "totpEnrolled", (
  select coalesce(json_agg(agg), '[]')
  from (
    select "ms"."organisation_id" as "organisationId", "o"."name" as "organisationName", "o"."kind" as "organisationKind", "ms"."role"
    from "memberships" as "ms"
    inner join "organisations" as "o" on "o"."id" = "ms"."organisation_id"
    where "ms"."user_id" = "u"."id"
    order by "o"."name", "ms"."role") as agg) as "memberships"
from "sessions" as "s"
inner join "users" as "u" on "u"."id" = "s"."user_id"
inner join "municipalities" as "m" on "m"."code" = "u"."municipality_code"
where "s"."id" = $1;

-- insertSession
insert into "sessions" ("user_id", "token_hash", "csrf_token", "two_factor_verified", "pending_totp_secret", "client_ip", "user_agent", "device_hash", "created_at", "last_seen_at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
returning "id";

-- updateSession
update "sessions"
set "two_factor_verified" = $1, "last_seen_at" = $2
where "id" = $3;

-- deleteSession
delete from "sessions"
where "id" = $1;

-- deleteSessionsOfUser
delete from "sessions"
where "user_id" = $1;

-- deleteSessionsOfUser (but the current one)
delete from "sessions"
where "user_id" = $1 and "id" != $2;

-- deleteSessionOfUser
delete from "sessions"
where "id" = $1 and "user_id" = $2;

-- deleteSessionsBeyond (the session cap)
delete from "sessions"
where "user_id" = $1 and "id" != $2 and "id" not in (
  select "id"
  from "sessions"
  where "user_id" = $3 and "id" != $4
  order by "created_at" desc, "last_seen_at" desc, "id" desc
  limit $5);

-- listSessionsOfUser
select "id", "created_at" as "createdAt", "last_seen_at" as "lastSeenAt", "client_ip" as "clientIp", "user_agent" as "userAgent", "two_factor_verified" as "twoFactorVerified"
from "sessions"
where "user_id" = $1
order by "last_seen_at" desc, "id";
