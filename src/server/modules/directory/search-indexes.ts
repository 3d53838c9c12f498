import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Drops the facilities' GIN and GiST indexes (trigram text, scoped grams, location), which are slow
 * to maintain row by row, and returns their definitions as PostgreSQL prints them, so a large load
 * can rebuild exactly the same indexes once at the end (`restoreIndexes`). Reading the definitions
 * from the catalog keeps callers (the importer) right when the directory's indexes change.
 */
export async function dropHeavySearchIndexes(executor: Executor): Promise<string[]> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    join pg_class c on c.relname = i.indexname
    join pg_am a on a.oid = c.relam
    where i.schemaname = current_schema() and i.tablename = 'facilities' and a.amname in ('gin', 'gist')
    order by i.indexname`.execute(executor);
  for (const row of rows) await sql`drop index ${sql.ref(row.indexname)}`.execute(executor);
  return rows.map((r) => r.indexdef);
}

/** Runs index or constraint definitions saved by dropHeavySearchIndexes (or the bulk loader). */
export async function restoreIndexes(executor: Executor, definitions: string[]): Promise<void> {
  for (const definition of definitions) await sql.raw(definition).execute(executor);
}
