import { chmodSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/audit.service';
import { readAnchor, writeAnchorFile } from '../audit/audit-anchor';
import type { RequestContext } from '../context';
import type { Engine } from '../db/database';
import { listAppliedMigrations } from '../db/migrate';
import type { Database } from '../db/schema';
import type { ModuleDeps } from '../module';
import { type CatalogTable, listCatalogTables, listSequences } from './backup-catalog.queries';
import type { BackupKey } from './backup-crypto';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, BackupWriter } from './backup-format';
import { orderTablesForLoad } from './table-order';

export type BackupSummary = {
  file: string;
  tables: number;
  rows: number;
  migrations: number;
  /** The audit chain's signed head after `backup.create`, beside the backup. */
  anchorFile?: string;
  encrypted: boolean;
};

export type BackupInput = {
  /** Where the backup goes; the file must not exist. */
  path: string;
  /** Encrypts and authenticates the file (the CLI always gives one; tests of the format may not). */
  key?: BackupKey;
};

/** Where the anchor written with a backup goes: beside it, so the two travel together. */
export const anchorPathFor = (backupPath: string) => `${backupPath}.anchor.json`;

const FETCH_SIZE = 2000;

/**
 * Writes every table of the installation to `input.path` (which must not exist) from one
 * consistent snapshot, then records `backup.create` in the audit log, naming the context's actor
 * (`zaitaku backup`: `systemContext`), and writes the chain's signed head beside the file. The
 * finished files are read-only. Throws nothing of its own beyond database and file-system errors;
 * a failed backup leaves no partial file.
 */
export async function createBackup(
  deps: Pick<ModuleDeps, 'db' | 'engine'>,
  ctx: RequestContext,
  input: BackupInput,
): Promise<BackupSummary> {
  const { db, engine } = deps;
  const { path, key } = input;
  const writer = new BackupWriter(path, key);
  let summary: Omit<BackupSummary, 'encrypted'>;
  try {
    // Repeatable read: every table from the same instant, while a PostgreSQL server keeps serving.
    summary = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => dumpAll(trx, engine, writer, path));
    await writer.close();
  } catch (error) {
    await writer.abort();
    rmSync(path, { force: true });
    throw error;
  }
  await writeAudit(db, ctx, {
    action: 'backup.create',
    municipalityCode: null,
    details: {
      file: basename(path),
      tables: summary.tables,
      rows: summary.rows,
      encrypted: Boolean(key),
    },
  });
  // MHLW 6.0: generations kept unchangeable; a mistaken second write must not replace this one.
  chmodSync(path, 0o400);
  const anchor = await readAnchor(db);
  const anchorFile = anchorPathFor(path);
  if (anchor) {
    writeAnchorFile(anchorFile, anchor);
    chmodSync(anchorFile, 0o400);
  }
  return { ...summary, encrypted: Boolean(key), ...(anchor ? { anchorFile } : {}) };
}

async function dumpAll(
  trx: Transaction<Database>,
  engine: Engine,
  writer: BackupWriter,
  path: string,
): Promise<Omit<BackupSummary, 'encrypted'>> {
  const catalog = await listCatalogTables(trx as never);
  const order = orderTablesForLoad(catalog);
  const migrations = await listAppliedMigrations(trx as never);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    engine,
    migrations,
    tables: order,
  };
  await writer.write(header);
  let rows = 0;
  for (const name of order) {
    rows += await dumpTable(trx, catalog.find((t) => t.name === name)!, writer);
  }
  await writer.write({ sequences: await listSequences(trx as never) });
  await writer.write({ end: true, tables: order.length, rows });
  return { file: path, tables: order.length, rows, migrations: migrations.length };
}

/** Streams one table through a cursor, every value in PostgreSQL's text form. */
async function dumpTable(trx: Transaction<Database>, table: CatalogTable, writer: BackupWriter) {
  // raw sql: the tables and columns come from the catalog at run time (not the Database interface), and
  // rows are read through a server-side cursor (DECLARE/FETCH/CLOSE), which the builder cannot write.
  const ref = sql.table(`public.${table.name}`);
  const count = await sql<{ n: number }>`select count(*)::int as n from ${ref}`.execute(trx);
  const total = count.rows[0]?.n ?? 0;
  await writer.write({
    table: table.name,
    columns: table.columns.map(({ name, type }) => ({ name, type })),
    rows: total,
  });
  // raw sql: each column as text, by its catalog name.
  const values = sql.join(table.columns.map((c, i) => sql`${sql.ref(c.name)}::text as ${sql.ref(`c${i}`)}`));
  // Primary-key order makes backups of the same data byte-for-byte comparable (after the header).
  const orderBy =
    // raw sql: primary-key order by catalog column names.
    table.primaryKey.length > 0 ? sql` order by ${sql.join(table.primaryKey.map((k) => sql.ref(k)))}` : sql``;
  // raw sql: a server-side cursor (DECLARE) over a run-time table.
  await sql`declare zaitaku_backup no scroll cursor for select ${values} from ${ref}${orderBy}`.execute(trx);
  let written = 0;
  for (;;) {
    // raw sql: FETCH from the cursor.
    const { rows } = await sql<Record<string, string | null>>`
      fetch forward ${sql.lit(FETCH_SIZE)} from zaitaku_backup`.execute(trx);
    for (const row of rows) {
      await writer.write(table.columns.map((_, i) => row[`c${i}`] ?? null));
    }
    written += rows.length;
    if (rows.length < FETCH_SIZE) break;
  }
  // raw sql: CLOSE the cursor.
  await sql`close zaitaku_backup`.execute(trx);
  if (written !== total) throw new Error(`table ${table.name}: counted ${total} rows, read ${written}`);
  return written;
}
