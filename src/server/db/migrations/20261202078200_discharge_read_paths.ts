import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.
//
// Indexes for the reads the patient page, the case page and the inbox make on every open (issue
// 14's benchmark; the plans are in bench/README.md). Each one replaces a sequential scan or a
// sort that grew with the ward's data:
// - a patient's cases and provider changes (the only patient_id indexes were partial, for the
//   open states, so "all cases of this patient" scanned the table);
// - the case page's notices, by case and by the case's changes (no index at all);
// - the case page's timeline and tasks in their page order (the index lacked the id tie-break,
//   so every read sorted);
// - the inbox, unread first and then newest, keyset on (unread, created_at, id).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index discharge_cases_patient on discharge_cases (patient_id, created_at desc)`.execute(
    db,
  );
  await sql`
    create index provider_changes_patient on provider_changes (patient_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`
    create index case_notices_case on case_notices (case_id, created_at, id) where case_id is not null`.execute(
    db,
  );
  await sql`
    create index case_notices_change on case_notices (provider_change_id, created_at)
    where provider_change_id is not null`.execute(db);
  await sql`create index discharge_contacts_case_order on discharge_contacts (case_id, at desc, id)`.execute(
    db,
  );
  await sql`drop index discharge_contacts_case`.execute(db);
  await sql`create index discharge_tasks_case_order on discharge_tasks (case_id, created_at, id)`.execute(db);
  await sql`drop index discharge_tasks_case`.execute(db);
  await sql`
    create index inbox_notices_user_unread_first
    on inbox_notices (user_id, (read_at is null) desc, created_at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index inbox_notices_user_unread_first`.execute(db);
  await sql`create index discharge_tasks_case on discharge_tasks (case_id, created_at)`.execute(db);
  await sql`drop index discharge_tasks_case_order`.execute(db);
  await sql`create index discharge_contacts_case on discharge_contacts (case_id, at desc)`.execute(db);
  await sql`drop index discharge_contacts_case_order`.execute(db);
  await sql`drop index case_notices_change`.execute(db);
  await sql`drop index case_notices_case`.execute(db);
  await sql`drop index provider_changes_patient`.execute(db);
  await sql`drop index discharge_cases_patient`.execute(db);
}
