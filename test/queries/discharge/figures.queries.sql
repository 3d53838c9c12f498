-- Generated from src/server/modules/discharge/figures.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- countDischarges
select to_char("c"."discharged_at" at time zone 'Asia/Tokyo', 'YYYY-MM') as "month", count(*) as "total", count(*) filter(where "f"."municipality_code" = "c"."municipality_code") as "in_ward"
from "discharge_cases" as "c"
left join "facilities" as "f" on "f"."id" = "c"."hospital_facility_id"
where "c"."municipality_code" = $1 and "c"."discharged_at" >= $2 and "c"."discharged_at" < $3
group by "month";

-- countProposedChanges
select to_char("created_at" at time zone 'Asia/Tokyo', 'YYYY-MM') as "month", count(*) as "n"
from "provider_changes"
where "municipality_code" = $1 and "created_at" >= $2 and "created_at" < $3
group by "month";

-- countClosedChanges
select to_char("closed_at" at time zone 'Asia/Tokyo', 'YYYY-MM') as "month", "status", count(*) as "n"
from "provider_changes"
where "municipality_code" = $1 and "closed_at" >= $2 and "closed_at" < $3 and "status" in ($4, $5, $6, $7)
group by "month", "status";

-- countToldBeforeDischarge
select to_char("c"."discharged_at" at time zone 'Asia/Tokyo', 'YYYY-MM') as "month", count(*) as "total", count(*) filter(where least("n"."sent_at", "n"."read_at", "n"."acknowledged_at") < "c"."discharged_at") as "told"
from "case_notices" as "n"
left join "provider_changes" as "pc" on "pc"."id" = "n"."provider_change_id"
inner join "discharge_cases" as "c" on "c"."id" = coalesce("n"."case_id", "pc"."case_id")
where "c"."municipality_code" = $1 and "n"."municipality_code" = $2 and "c"."discharged_at" >= $3 and "c"."discharged_at" < $4 and "n"."kind" in ($5, $6)
group by "month";

-- summariseAcknowledgments
select to_char("acknowledged_at" at time zone 'Asia/Tokyo', 'YYYY-MM') as "month", count(*) as "n", percentile_cont(0.5) within group (order by extract(epoch from (acknowledged_at - coalesce(sent_at, created_at))) / 3600.0) as "median", percentile_cont(0.9) within group (order by extract(epoch from (acknowledged_at - coalesce(sent_at, created_at))) / 3600.0) as "p90"
from "case_notices"
where "municipality_code" = $1 and "acknowledged_at" >= $2 and "acknowledged_at" < $3
group by grouping sets ((to_char("acknowledged_at" at time zone 'Asia/Tokyo', 'YYYY-MM')), ());

-- countEscalations
select to_char("escalated_at" at time zone 'Asia/Tokyo', 'YYYY-MM') as "month", count(*) as "n"
from "provider_changes"
where "municipality_code" = $1 and "escalated_at" >= $2 and "escalated_at" < $3
group by "month";

-- countOverrides
select to_char("created_at" at time zone 'Asia/Tokyo', 'YYYY-MM') as "month", "reason_code", count(*) as "n"
from "provider_change_overrides"
where "municipality_code" = $1 and "created_at" >= $2 and "created_at" < $3
group by "month", "reason_code";

-- countChannels
select to_char("created_at" at time zone 'Asia/Tokyo', 'YYYY-MM') as "month", "channel", count(*) as "n"
from "case_notices"
where "municipality_code" = $1 and "created_at" >= $2 and "created_at" < $3
group by "month", "channel";

-- firstReferralsOfChanges
select "provider_change_id", min("sent_at") as "at"
from "referrals"
where "municipality_code" = $1 and "provider_change_id" is not null and "sent_at" is not null and "sent_at" < $2
group by "provider_change_id";

-- consentTimesOf
select "change_id", "recorded_at"
from "provider_change_consents"
where "change_id" in ($1);
