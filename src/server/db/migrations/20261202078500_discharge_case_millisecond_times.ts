import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.
//
// The discharge-case list pages by the shared keyset cursor, which carries the last case's
// created_at in milliseconds (a JS Date). Cases written by the database's now() (a seed, an
// import, a fixture) carried microseconds: the next page's "created_at < cursor" then fell before
// them and skipped every case of that millisecond. Stored to the millisecond, every value the
// cursor names is the value in the row (as the outbox and the inbox).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table discharge_cases alter column created_at type timestamptz(3)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table discharge_cases alter column created_at type timestamptz`.execute(db);
}
