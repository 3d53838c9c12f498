-- Generated from src/server/modules/directory/change-request.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- findChangeRequest
select "r".*, "f"."name" as "facility_name", "f"."version" as "facility_version"
from "facility_change_requests" as "r"
inner join "facilities" as "f" on "f"."id" = "r"."facility_id"
where "r"."id" = $1 and "r"."municipality_code" = $2;

-- findChangeRequest (locked for a decision)
select "r".*, "f"."name" as "facility_name", "f"."version" as "facility_version"
from "facility_change_requests" as "r"
inner join "facilities" as "f" on "f"."id" = "r"."facility_id"
where "r"."id" = $1 and "r"."municipality_code" = $2
for update of "r";

-- listChangeRequestRows (pending, oldest first: count, then the page)
select count(*) as "n"
from "facility_change_requests" as "r"
inner join "facilities" as "f" on "f"."id" = "r"."facility_id"
where "r"."municipality_code" = $1 and "r"."status" = $2;

-- listChangeRequestRows (pending, oldest first: count, then the page)
select "r".*, "f"."name" as "facility_name", "f"."version" as "facility_version"
from "facility_change_requests" as "r"
inner join "facilities" as "f" on "f"."id" = "r"."facility_id"
where "r"."municipality_code" = $1 and "r"."status" = $2
order by "r"."submitted_at" asc, "r"."id"
limit $3
offset $4;

-- listChangeRequestRows (one facility, residents reports)
select count(*) as "n"
from "facility_change_requests" as "r"
inner join "facilities" as "f" on "f"."id" = "r"."facility_id"
where "r"."municipality_code" = $1 and "r"."source" = $2 and "r"."facility_id" = $3;

-- listChangeRequestRows (one facility, residents reports)
select "r".*, "f"."name" as "facility_name", "f"."version" as "facility_version"
from "facility_change_requests" as "r"
inner join "facilities" as "f" on "f"."id" = "r"."facility_id"
where "r"."municipality_code" = $1 and "r"."source" = $2 and "r"."facility_id" = $3
order by "r"."submitted_at" desc, "r"."id"
limit $4
offset $5;

-- insertChangeRequest
insert into "facility_change_requests" ("municipality_code", "facility_id", "source", "base_version", "changes")
values ($1, $2, $3, $4, $5)
returning "id";

-- findOpenFacility
select "id", "name", "municipality_code"
from "facilities"
where "id" = $1 and "status" <> $2;
