import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The file's cells as read (facilities.raw) and the standard columns without a directory column
  // (opendata_facility_sources.extras) are kept, never searched or filtered on: the planner needs
  // no statistics of them, and gathering them was half the ANALYZE after a large import. The
  // search filters on the grams only through the scoped expression of facilities_search_scoped,
  // whose statistics ANALYZE gathers for the index itself: the bare column's are never used.
  await sql`alter table facilities alter column raw set statistics 0`.execute(db);
  await sql`alter table facilities alter column search_grams set statistics 0`.execute(db);
  await sql`alter table opendata_facility_sources alter column extras set statistics 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table facilities alter column raw set statistics -1`.execute(db);
  await sql`alter table facilities alter column search_grams set statistics -1`.execute(db);
  await sql`alter table opendata_facility_sources alter column extras set statistics -1`.execute(db);
}
