-- Generated from src/server/modules/directory/data-list.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- listFacilitiesEnteredBefore (the council data list, as of a day)
select "id", "type", "status", "main_station_id"
from "facilities"
where "municipality_code" = $1 and "created_at" < $2;

-- listStatusAndCapabilityChangesSince (the history that rewinds today to that day)
select "facility_id", changes -> 'status' ->> 'before' as "status_before", changes -> 'capabilities' -> 'before' as "capabilities_before", (changes -> 'status') is not null as "has_status", (changes -> 'capabilities') is not null as "has_capabilities"
from "facility_history"
where "municipality_code" = $1 and "changed_at" >= $2 and ((changes -> 'status') is not null or (changes -> 'capabilities') is not null)
order by "changed_at", "id";

-- listCurrentCapabilities
select "facility_id", "code"
from "facility_capabilities"
where "municipality_code" = $1;
