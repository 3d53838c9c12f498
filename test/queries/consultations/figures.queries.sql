-- Generated from src/server/modules/consultations/figures.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- listContactsForFigures (one window)
select "k"."consultation_id", "k"."occurred_at", "k"."consulter", "k"."institution_in_ward", "k"."referral_source", "c"."organisation_id", "c"."gap_flags", "c"."routed_to"
from "consultation_contacts" as "k"
inner join "consultations" as "c" on "c"."id" = "k"."consultation_id"
where "c"."municipality_code" = $1 and "k"."occurred_at" >= $2 and "k"."occurred_at" < $3 and "c"."organisation_id" in ($4);

-- listContactsForFigures (ward-wide)
select "k"."consultation_id", "k"."occurred_at", "k"."consulter", "k"."institution_in_ward", "k"."referral_source", "c"."organisation_id", "c"."gap_flags", "c"."routed_to"
from "consultation_contacts" as "k"
inner join "consultations" as "c" on "c"."id" = "k"."consultation_id"
where "c"."municipality_code" = $1 and "k"."occurred_at" >= $2 and "k"."occurred_at" < $3;

-- listWindows
select "id", "name"
from "organisations"
where "municipality_code" = $1 and "kind" = $2
order by "name", "id";
