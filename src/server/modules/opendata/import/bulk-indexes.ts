import { sql, type Transaction } from 'kysely';
import { restoreAfterLoad, suspendForLoad } from '../../../platform/db/bulk-load';
import type { Database } from '../../../platform/db/schema';

/** Every table an import writes into. */
const IMPORTED_TABLES = [
  'facilities',
  'facility_hours',
  'facility_closures',
  'facility_history',
  'opendata_facility_sources',
];

/**
 * A large import drops the secondary indexes (the GIN/GiST search indexes above all) and foreign
 * keys of the tables it writes, inside its transaction, and restores them once at the end: far
 * faster than maintaining them row by row, and a rollback brings them back untouched. Primary keys
 * and unique indexes stay: matching rows to facilities looks them up and they refuse duplicates.
 *
 * Rebuilding pays when the file is large next to the table: at least ~5,000 rows (a row of a
 * facility list is about 200 bytes or more) and a quarter of the facilities already stored.
 */
export async function isBulkImport(trx: Transaction<Database>, fileBytes: number): Promise<boolean> {
  const estimatedRows = fileBytes / 200;
  if (estimatedRows < 5000) return false;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from facilities`.execute(trx);
  return estimatedRows >= (rows[0]?.n ?? 0) / 4;
}

export function suspendForImport(trx: Transaction<Database>): Promise<string[]> {
  return suspendForLoad(trx, { tables: IMPORTED_TABLES, keepUniqueIndexes: true });
}

export async function restoreAfterImport(trx: Transaction<Database>, statements: string[]): Promise<void> {
  // Index builds sort in memory when they can (the default 64 MB spills a national file to disk).
  await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
  await restoreAfterLoad(trx, statements);
  await sql`analyze facilities, facility_hours, opendata_facility_sources`.execute(trx);
}
