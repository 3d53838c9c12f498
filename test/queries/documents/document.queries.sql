-- Generated from src/server/modules/documents/document.queries.ts by test/queries/sql-snapshots.test.ts: do not edit by hand.
-- UPDATE_SQL_SNAPSHOTS=1 npx vitest run --project unit test/queries

-- insertDocument
insert into "documents" ("municipality_code", "patient_id", "case_id", "provider_change_id", "kind", "title", "author_organisation_id", "created_by", "created_at", "updated_at", "finalised_at", "withdrawn_reason")
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
returning *;

-- insertVersion
insert into "document_versions" ("document_id", "version", "status", "title", "content", "saved_by", "saved_by_label", "saved_at")
values ($1, $2, $3, $4, $5, $6, $7, $8);

-- findDocument
select *
from "documents"
where "id" = $1 and "municipality_code" = $2;

-- findDocument (locked for a write)
select *
from "documents"
where "id" = $1 and "municipality_code" = $2
for update;

-- updateDocument
update "documents"
set "status" = $1, "finalised_at" = $2, "updated_at" = $3
where "id" = $4
returning *;

-- findVersion
select *
from "document_versions"
where "document_id" = $1 and "version" = $2;

-- listVersions
select "version", "status", "saved_at", "saved_by_label"
from "document_versions"
where "document_id" = $1
order by "version" desc;

-- listDocumentsOfPatient (first page, own drafts)
select *
from "documents"
where "municipality_code" = $1 and "patient_id" = $2 and ("status" = $3 or "author_organisation_id" in ($4))
order by "updated_at" desc, "id" desc
limit $5;

-- listDocumentsOfPatient (finals only, one case, after a keyset position)
select *
from "documents"
where "municipality_code" = $1 and "patient_id" = $2 and "status" = $3 and "case_id" = $4 and ("updated_at", "id") < ($5, $6)
order by "updated_at" desc, "id" desc
limit $7;

-- documentsOfPatientQuery (first page, own drafts)
select *
from "documents"
where "municipality_code" = $1 and "patient_id" = $2 and ("status" = $3 or "author_organisation_id" in ($4))
order by "updated_at" desc, "id" desc
limit $5;

-- documentSummariesOfPatientQuery (with author name and readers)
select *, (
  select "o"."name"
  from "organisations" as "o"
  where "o"."id" = "documents"."author_organisation_id") as "author_organisation_name", (
  select count(*) as "n"
  from "document_receipts" as "r"
  where "r"."document_id" = "documents"."id" and "r"."version" = "documents"."version") as "read_count"
from "documents"
where "municipality_code" = $1 and "patient_id" = $2 and ("status" = $3 or "author_organisation_id" in ($4))
order by "updated_at" desc, "id" desc
limit $5;

-- insertReceipt
insert into "document_receipts" ("municipality_code", "document_id", "version", "reader_user_id", "reader_label", "reader_organisation_id", "reader_organisation_label", "read_at")
values ($1, $2, $3, $4, $5, $6, $7, $8)
on conflict ("document_id", "version", "reader_user_id") do nothing;

-- listReceipts
select *
from "document_receipts"
where "document_id" = $1
order by "read_at" desc, "id" desc;

-- countReaders
select "document_id", "version", count(*) as "readers"
from "document_receipts"
where "document_id" in ($1)
group by "document_id", "version";

-- organisationNames
select "id", "name"
from "organisations"
where "id" in ($1, $2);

-- moveDocumentsToPatient
update "documents"
set "patient_id" = $1
where "patient_id" = $2;
