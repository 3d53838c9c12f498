import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/**
 * Reads of people's data outside patients (a user's account, a change request, a facility's
 * history) are found by record: a person's own listing asks for `user` + their id, newest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index access_log_record on access_log (record_type, record_id, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index access_log_record`.execute(db);
}
