import { sql } from 'kysely';
import type { Executor } from './schema';

export type LoadOptions = {
  /** The tables the load writes into. */
  tables: readonly string[];
  /** Tables whose primary keys go too (children written whole, never looked up during the load). */
  dropPrimaryKeysOf?: readonly string[];
  /**
   * Keep unique indexes: a load that matches rows by their natural keys (an import) needs them for
   * its lookups and to refuse duplicates as it goes. A load of known-new rows may drop them.
   */
  keepUniqueIndexes?: boolean;
};

/**
 * Drops what slows a large load down and returns the statements that restore it exactly (as
 * PostgreSQL prints the definitions): secondary indexes of the loaded tables, their foreign keys,
 * and the primary keys named. Maintaining a GIN index or checking a foreign key row by row costs
 * far more than building the index or checking the constraint once over all rows at the end.
 *
 * Run it inside the load's transaction: a rollback brings everything back untouched. The DDL locks
 * the tables until the commit, so searches wait for a large load to finish.
 */
export async function suspendForLoad(executor: Executor, options: LoadOptions): Promise<string[]> {
  const primaryOf = options.dropPrimaryKeysOf ?? [];
  // raw sql: pg_constraint and pg_indexes are catalogs outside the Database interface; the drops are DDL.
  const { rows: constraints } = await sql<{ table: string; name: string; definition: string }>`
    select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    where (c.contype = 'f' and c.conrelid = any(${options.tables}::regclass[]))
      or (c.contype = 'p' and c.conrelid = any(${primaryOf}::regclass[]))
    order by c.contype, 1, 2`.execute(executor);
  // raw sql: pg_indexes, pg_class, pg_index: catalogs.
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select i.indexname as name, i.indexdef as definition from pg_indexes i
    join pg_class c on c.relname = i.indexname and c.relnamespace = current_schema()::regnamespace
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = current_schema() and i.tablename = any(${options.tables}::text[])
      and not exists (select 1 from pg_constraint k where k.conindid = c.oid)
      and (not x.indisunique or not ${options.keepUniqueIndexes ?? false})
    order by 1`.execute(executor);
  for (const c of constraints) {
    // raw sql: DDL (drop constraint) on a catalog-named table.
    await sql`alter table ${sql.table(c.table)} drop constraint ${sql.ref(c.name)}`.execute(executor);
  }
  // raw sql: DDL (drop index).
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(executor);
  return [
    ...[...constraints]
      .reverse()
      .map((c) => `alter table ${c.table} add constraint ${c.name} ${c.definition}`),
    ...indexes.map((i) => i.definition),
  ];
}

/** Runs the statements suspendForLoad returned (constraints are checked here, once, over all rows). */
export async function restoreAfterLoad(executor: Executor, statements: readonly string[]): Promise<void> {
  // raw sql: the DDL statements suspendForLoad returned, run as they are.
  for (const statement of statements) await sql.raw(statement).execute(executor);
}
