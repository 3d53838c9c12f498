import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.
//
// Staff lists page by a keyset cursor that carries the last row's time in milliseconds (a JS
// Date). The outbox's created_at came from the database's now(), with microseconds, so mails
// queued in one millisecond (a fan-out) were skipped on the next page: the cursor's time fell
// before theirs. Stored to the millisecond, every value the cursor names is the value in the row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table mail_outbox alter column created_at type timestamptz(3)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table mail_outbox alter column created_at type timestamptz`.execute(db);
}
