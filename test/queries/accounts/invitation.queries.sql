-- Generated from src/server/modules/accounts/invitation.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- findInvitationByTokenHash (locked)
select "i".*, "o"."name" as "organisation_name", "m"."name" as "municipality_name"
from "invitations" as "i"
inner join "organisations" as "o" on "o"."id" = "i"."organisation_id"
inner join "municipalities" as "m" on "m"."code" = "i"."municipality_code"
where "i"."token_hash" = $1
for update of "i";

-- findInvitation
select "i".*, "o"."name" as "organisation_name", "m"."name" as "municipality_name"
from "invitations" as "i"
inner join "organisations" as "o" on "o"."id" = "i"."organisation_id"
inner join "municipalities" as "m" on "m"."code" = "i"."municipality_code"
where "i"."municipality_code" = $1 and "i"."id" = $2;

-- listInvitations (pending)
select "i".*, "o"."name" as "organisation_name", "m"."name" as "municipality_name"
from "invitations" as "i"
inner join "organisations" as "o" on "o"."id" = "i"."organisation_id"
inner join "municipalities" as "m" on "m"."code" = "i"."municipality_code"
where "i"."municipality_code" = $1 and "i"."accepted_at" is null and "i"."revoked_at" is null and "i"."expires_at" > $2
order by "i"."created_at" desc
limit $3;

-- insertInvitation
insert into "invitations" ("municipality_code", "token_hash", "email", "organisation_id", "role", "invited_by", "invited_by_label", "mail_id", "created_at", "expires_at", "accepted_at", "accepted_user_id", "revoked_at")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
returning "id";

-- updateInvitation (accepted)
update "invitations"
set "accepted_at" = $1, "accepted_user_id" = $2
where "id" = $3;
