import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.
//
// The lists of the referral, document and pending-notice pages page by the shared keyset cursor,
// which carries the last row's sort time in milliseconds (a JS Date): the incoming referrals by
// referrals.created_at, a patient's documents by documents.updated_at, the clinician's pending
// notices by case_notices.created_at (the database's now() by default, so microseconds). A row
// whose microseconds lay after the cursor's millisecond fell outside "sort < cursor" and
// "sort = cursor" both: the next page skipped it. Stored to the millisecond, every value the
// cursor names is the value in the row (as discharge_cases, the outbox and the inbox).
const COLUMNS = [
  ['referrals', 'created_at'],
  ['documents', 'updated_at'],
  ['case_notices', 'created_at'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of COLUMNS)
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type timestamptz(3)`.execute(
      db,
    );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of COLUMNS)
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type timestamptz`.execute(db);
}
