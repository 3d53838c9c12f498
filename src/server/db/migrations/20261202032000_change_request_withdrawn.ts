import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.
// The list repeats changeRequestStates of src/contracts/directory-changes.ts (a unit test compares them).

export async function up(db: Kysely<unknown>): Promise<void> {
  // An editor may withdraw their own pending request.
  await sql`
    alter table facility_change_requests
      drop constraint facility_change_requests_status_check,
      add constraint facility_change_requests_status_check
        check (status in ('pending', 'approved', 'rejected', 'withdrawn'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table facility_change_requests
      drop constraint facility_change_requests_status_check,
      add constraint facility_change_requests_status_check
        check (status in ('pending', 'approved', 'rejected'))`.execute(db);
}
