import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/**
 * Columns of facilities no query filters, joins, sorts or groups on: shown, exported, compared in
 * JavaScript. ANALYZE gathered statistics for each (arrays cost most: it counts their elements),
 * and the ANALYZE ending a large import was a third of its index rebuild.
 *
 * The shift arrays other than hours_day are read only row by row inside the open-at test (the
 * planner's estimate of it rests on hours_day @> {weekday}, which keeps its statistics), and the
 * closures only as "not contained", which is true of nearly every facility anyway.
 */
const UNFILTERED = [
  'hours_open',
  'hours_close',
  'hours_shift_notes',
  'nth_closures',
  'languages',
  'accessibility',
  'collaboration_tools',
  'beds',
  'imported_at',
  'edited_by_editor_at',
  'version',
  'created_at',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of UNFILTERED) {
    await sql`alter table facilities alter column ${sql.ref(column)} set statistics 0`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of UNFILTERED) {
    await sql`alter table facilities alter column ${sql.ref(column)} set statistics -1`.execute(db);
  }
}
