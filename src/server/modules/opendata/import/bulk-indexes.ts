import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema';

/**
 * The search indexes of facilities that are slow to maintain row by row (GIN trigram, GIN grams,
 * GiST location), exactly as the directory migration (20261124020000) and its bulk loader define
 * them. A large import drops them inside its transaction and builds them once at the end: far
 * faster than updating them 500,000 times, and a rollback brings them back untouched.
 */
const HEAVY_INDEXES = {
  facilities_location: sql`create index if not exists facilities_location on facilities using gist (location)`,
  facilities_search_trgm: sql`create index if not exists facilities_search_trgm on facilities using gin (search_text gin_trgm_ops)`,
  facilities_search_grams: sql`create index if not exists facilities_search_grams on facilities using gin (search_grams)`,
};

/**
 * Rebuilding pays when the file is large next to the table: at least ~5,000 rows (a row of a
 * facility list is about 200 bytes or more) and a quarter of the facilities already stored.
 */
export async function isBulkImport(trx: Transaction<Database>, fileBytes: number): Promise<boolean> {
  const estimatedRows = fileBytes / 200;
  if (estimatedRows < 5000) return false;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from facilities`.execute(trx);
  return estimatedRows >= (rows[0]?.n ?? 0) / 4;
}

export async function dropHeavyIndexes(trx: Transaction<Database>): Promise<void> {
  for (const name of Object.keys(HEAVY_INDEXES))
    await sql`drop index if exists ${sql.ref(name)}`.execute(trx);
}

export async function rebuildHeavyIndexes(trx: Transaction<Database>): Promise<void> {
  for (const statement of Object.values(HEAVY_INDEXES)) await statement.execute(trx);
  await sql`analyze facilities, facility_hours, opendata_facility_sources`.execute(trx);
}
