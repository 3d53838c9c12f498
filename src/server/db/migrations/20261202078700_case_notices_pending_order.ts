import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.
//
// The pending notices list (GET /api/discharge-notices/pending) pages newest first on
// (created_at, id) over the recipient organisation's notices not yet acknowledged. The index it had,
// (recipient_organisation_id, status, created_at desc), gives that order only within one status, and
// "status <> 'acknowledged'" is no equality: PostgreSQL read every notice the organisation was ever
// sent and sorted the waiting ones. A partial index on the waiting notices alone, in page order with
// the id tie-break, is read from the cursor on and stops at the page's limit. Its predicate is the
// query's (`status not in ('acknowledged')`, which PostgreSQL reads as `<>`), or the planner cannot use
// it. The old index served no other query, so it goes (plans in the discharge README).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index case_notices_pending_order on case_notices (recipient_organisation_id, created_at desc, id desc)
    where status <> 'acknowledged'`.execute(db);
  await sql`drop index case_notices_recipient`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index case_notices_recipient on case_notices (recipient_organisation_id, status, created_at desc)`.execute(
    db,
  );
  await sql`drop index case_notices_pending_order`.execute(db);
}
