import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema';
import { dropHeavySearchIndexes, restoreIndexes } from '../../directory';

/**
 * A large import drops the directory's GIN/GiST search indexes inside its transaction and builds
 * them once at the end: far faster than updating them row by row, and a rollback brings them back
 * untouched. The directory saves and restores their exact definitions.
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

export async function dropHeavyIndexes(trx: Transaction<Database>): Promise<string[]> {
  return dropHeavySearchIndexes(trx);
}

export async function rebuildHeavyIndexes(trx: Transaction<Database>, definitions: string[]): Promise<void> {
  await restoreIndexes(trx, definitions);
  await sql`analyze facilities, facility_hours, opendata_facility_sources`.execute(trx);
}
