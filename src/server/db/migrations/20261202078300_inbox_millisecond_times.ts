import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.
//
// The inbox pages by a keyset cursor that carries the last notice's time in milliseconds (a JS
// Date), now unread first and then newest. created_at came from the database's now(), with
// microseconds, so notices of one millisecond (one fan-out run) could be skipped on the next page.
// Stored to the millisecond, every value the cursor names is the value in the row (as the outbox).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table inbox_notices alter column created_at type timestamptz(3)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table inbox_notices alter column created_at type timestamptz`.execute(db);
}
