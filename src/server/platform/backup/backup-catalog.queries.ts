import { type Kysely, sql } from 'kysely';
import type { BackupColumn } from './backup-format';

/** What a backup needs to know about one table of the `public` schema. */
export type CatalogTable = {
  name: string;
  /** Stored columns in table order; generated (computed) columns are left out, the target recomputes them. */
  columns: Array<BackupColumn & { identity: boolean }>;
  primaryKey: string[];
  /** Tables this one references through a foreign key (itself excluded). */
  parents: string[];
  /** Foreign keys from this table to itself: child columns → referenced columns. */
  selfReferences: Array<{ columns: string[]; references: string[] }>;
};

// Kysely's own bookkeeping: rebuilt by migrating the target, never copied.
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/** Lists the ordinary tables of the `public` schema with their columns and foreign keys. */
export async function listCatalogTables(db: Kysely<unknown>): Promise<CatalogTable[]> {
  // raw sql: pg_class and pg_namespace are catalogs outside the Database interface.
  const tables = await sql<{ name: string }>`
    select c.relname::text as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition
    order by c.relname`.execute(db);
  // raw sql: pg_attribute, a catalog.
  const columns = await sql<{ table: string; name: string; type: string; identity: boolean }>`
    select c.relname::text as table, a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type,
           a.attidentity <> '' as identity
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  // raw sql: pg_constraint, a catalog.
  const keys = await sql<{
    table: string;
    kind: string;
    parent: string | null;
    cols: string[];
    refs: string[];
  }>`
    select c.relname::text as table, k.contype::text as kind, p.relname::text as parent,
           array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i)
                 join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as cols,
           array(select a.attname::text from unnest(coalesce(k.confkey, '{}')) with ordinality u(n, i)
                 join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as refs
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class p on p.oid = k.confrelid
    where n.nspname = 'public' and k.contype in ('p', 'f')
    order by c.relname, k.conname`.execute(db);

  return tables.rows
    .filter((t) => !MIGRATION_TABLES.includes(t.name))
    .map((t) => {
      const own = keys.rows.filter((k) => k.table === t.name);
      const foreign = own.filter((k) => k.kind === 'f');
      return {
        name: t.name,
        columns: columns.rows
          .filter((c) => c.table === t.name)
          .map((c) => ({ name: c.name, type: c.type, identity: c.identity })),
        primaryKey: own.find((k) => k.kind === 'p')?.cols ?? [],
        parents: [
          ...new Set(foreign.filter((k) => k.parent && k.parent !== t.name).map((k) => k.parent as string)),
        ],
        selfReferences: foreign
          .filter((k) => k.parent === t.name)
          .map((k) => ({ columns: k.cols, references: k.refs })),
      };
    });
}

/** Sequences of the `public` schema (identity columns' included) with their current state. */
export async function listSequences(
  db: Kysely<unknown>,
): Promise<Array<{ name: string; lastValue: string; isCalled: boolean }>> {
  // raw sql: pg_class, a catalog.
  const names = await sql<{ name: string }>`
    select c.relname::text as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'S' order by c.relname`.execute(db);
  const states = [];
  for (const { name } of names.rows) {
    // raw sql: a sequence's state, read from the sequence itself (named at run time).
    const { rows } = await sql<{ last_value: string; is_called: boolean }>`
      select last_value::text as last_value, is_called from ${sql.table(`public.${name}`)}`.execute(db);
    const row = rows[0];
    if (row) states.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return states;
}

/**
 * True when the database holds an installation's data: any audit row, municipality, or
 * tenant-owned row (a row with a municipality_code). Reference data that migrations insert is
 * installation-wide (municipality_code null), so a freshly migrated database counts as empty.
 */
export async function hasInstallationData(db: Kysely<unknown>, tables: CatalogTable[]): Promise<boolean> {
  for (const table of tables) {
    const always = table.name === 'audit_log' || table.name === 'municipalities';
    const tenant = table.columns.some((c) => c.name === 'municipality_code');
    if (!always && !tenant) continue;
    // raw sql: a fragment of the statement below.
    const where = always ? sql`` : sql` where municipality_code is not null`;
    // raw sql: a table named at run time (dynamic table name).
    const { rows } = await sql<{ present: boolean }>`
      select exists (select 1 from ${sql.table(`public.${table.name}`)}${where}) as present`.execute(db);
    if (rows[0]?.present) return true;
  }
  return false;
}
