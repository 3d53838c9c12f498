-- Generated from src/server/modules/directory/reminder.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- findFacilitiesToRemind
select "f"."id", "f"."name", "f"."email"
from "facilities" as "f"
where "f"."municipality_code" = $1 and "f"."status" = $2 and ("f"."reminded_at" is null or "f"."reminded_at" < $3) and exists (
  select 1 as "one"
  from "facility_capabilities" as "c"
  where "c"."facility_id" = "f"."id" and "c"."confirmed_at" < $4)
order by "f"."kana_key", "f"."id";

-- markReminded
update "facilities"
set "reminded_at" = $1
where "id" = $2;

-- insertConfirmToken
insert into "facility_confirm_tokens" ("token_hash", "municipality_code", "facility_id", "expires_at", "used_at")
values ($1, $2, $3, $4, $5);

-- findUsableToken (locked)
select "t"."token_hash", "t"."facility_id", "t"."municipality_code", "f"."name", "f"."version"
from "facility_confirm_tokens" as "t"
inner join "facilities" as "f" on "f"."id" = "t"."facility_id"
where "t"."token_hash" = $1 and "t"."used_at" is null and "t"."expires_at" > $2
for update of "t";

-- markTokenUsed
update "facility_confirm_tokens"
set "used_at" = $1
where "token_hash" = $2;

-- markConfirmed (capabilities, then the facility)
update "facility_capabilities"
set "confirmed_at" = $1, "confirmed_by" = $2, "confirmed_file" = $3
where "facility_id" = $4;

-- markConfirmed (capabilities, then the facility)
update "facilities"
set "last_confirmed_at" = $1, "last_confirmed_by" = $2, "last_confirmed_file" = $3
where "id" = $4;
