-- Generated from src/server/modules/documents/document-figures.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- firstReferralLetters
select "provider_change_id", min("finalised_at") as "at"
from "documents"
where "municipality_code" = $1 and "kind" = $2 and "provider_change_id" is not null and "finalised_at" is not null and "finalised_at" < $3
group by "provider_change_id";

-- nursingSummaryReads
select to_char(d.finalised_at at time zone 'Asia/Tokyo', 'YYYY-MM') as "month", count(*) as "shared", count(*) filter (where exists (
    select 1
    from document_receipts r
    where r.document_id = d.id and r.reader_organisation_id is distinct
    from d.author_organisation_id and r.read_at <= d.finalised_at + interval '24 hours')) as "read_within_24h"
from "documents" as "d"
where "d"."municipality_code" = $1 and "d"."kind" = $2 and "d"."finalised_at" >= $3 and "d"."finalised_at" < $4
group by "month";
