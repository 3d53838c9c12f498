import { sql, type Transaction } from 'kysely';
import { restoreAfterLoad, suspendForLoad } from '../../../platform/db/bulk-load';
import type { Database } from '../../../platform/db/schema';

/** Every table an import writes into. */
const IMPORTED_TABLES = ['facilities', 'facility_history', 'opendata_facility_sources'];

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
  const stored = await trx
    .selectFrom('facilities')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
    .executeTakeFirst();
  return estimatedRows >= (stored?.n ?? 0) / 4;
}

/**
 * The indexes of a large import, suspended just before its first new or changed facility is sent:
 * a re-import that changes nothing (or only remembers verified hashes) keeps them and pays no
 * rebuild. One per import run; its batches are planned one after another, never at once.
 */
export class ImportIndexes {
  private restore: string[] | undefined;

  constructor(private readonly bulk: boolean) {}

  async beforeWrite(trx: Transaction<Database>): Promise<void> {
    if (!this.bulk || this.restore) return;
    this.restore = await suspendForLoad(trx, { tables: IMPORTED_TABLES, keepUniqueIndexes: true });
  }

  /**
   * Rebuilds what was suspended (once, over all rows) and refreshes the planner's statistics;
   * returns the milliseconds it took (0 when nothing was suspended).
   */
  async afterImport(trx: Transaction<Database>): Promise<number> {
    if (!this.restore) return 0;
    const started = Date.now();
    // Index builds sort in memory when they can (the default 64 MB spills a national file to disk).
    // raw sql: SET LOCAL is a setting, not a query; the builder has no form for it.
    await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
    await restoreAfterLoad(trx, this.restore);
    // raw sql: fresh planner statistics after the load; ANALYZE has no query-builder form.
    await sql`analyze facilities, opendata_facility_sources`.execute(trx);
    return Date.now() - started;
  }
}
