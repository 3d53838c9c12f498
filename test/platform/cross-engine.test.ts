import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.service';
import { createBackup } from '../../src/server/platform/backup/backup.service';
import { restoreBackup } from '../../src/server/platform/backup/restore.service';
import { type DatabaseHandle, openDatabase } from '../../src/server/platform/db/database';
import { migrateToLatest } from '../../src/server/platform/db/migrate';
import { type Cluster, startCluster } from '../support/pg-cluster';
import {
  backupContext,
  createAwkwardTables,
  fillAwkwardTables,
  publicTables,
  restoreContext,
  tableContents,
} from './support/backup-fixtures';
import { runCli } from './support/cli';

/**
 * Moving an installation between engines needs both at once, so this file runs once (not per
 * engine project): a PGlite data dir and a PostgreSQL 15 server (DATABASE_URL, or a throwaway
 * cluster started here).
 */
const key = { material: Buffer.from('cross-engine-backup-key-0123456789abcdef') };

describe('moving an installation between PGlite and PostgreSQL', () => {
  let dir: string;
  let cluster: Cluster | undefined;
  let serverUrl: string;
  const handles: DatabaseHandle[] = [];

  const createPgDatabase = async (options = "encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C'") => {
    const name = `xe_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template template0 ${options}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const open = async (config: { DATABASE_URL?: string; DATA_DIR?: string }) => {
    const handle = await openDatabase({ DATA_DIR: '', DATABASE_POOL_SIZE: 3, ...config });
    handles.push(handle);
    return handle;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zaitaku-xe-'));
    if (process.env.DATABASE_URL) serverUrl = process.env.DATABASE_URL;
    else {
      cluster = await startCluster();
      serverUrl = cluster.url;
    }
  });
  afterAll(async () => {
    for (const handle of handles) await handle.close();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  let pglite: DatabaseHandle;
  let postgres: DatabaseHandle;

  it('restores a PGlite backup into an empty PostgreSQL database with every row intact', async () => {
    pglite = await open({ DATA_DIR: join(dir, 'source') });
    await migrateToLatest(pglite.db as never);
    await createAwkwardTables(pglite.db);
    await fillAwkwardTables(pglite.db);
    const file = join(dir, 'from-pglite.jsonl.gz');
    await createBackup({ db: pglite.db, engine: 'pglite' }, backupContext(), { path: file, key });

    postgres = await open({ DATABASE_URL: await createPgDatabase() });
    await createAwkwardTables(postgres.db);
    const summary = await restoreBackup(postgres, restoreContext(), { path: file, key });
    expect(summary.sourceEngine).toBe('pglite');
    const tables = await publicTables(pglite.db);
    expect(await publicTables(postgres.db)).toEqual(tables);
    for (const table of tables.filter((t) => t !== 'audit_log')) {
      expect({ table, rows: await tableContents(postgres.db, table) }).toEqual({
        table,
        rows: await tableContents(pglite.db, table),
      });
    }
    const audit = await tableContents(postgres.db, 'audit_log');
    expect(audit.slice(0, -1)).toEqual((await tableContents(pglite.db, 'audit_log')).slice(0, -1));
    expect(await verifyAuditChain({ db: postgres.db })).toMatchObject({ ok: true, checked: audit.length });
  });

  it('restores a PostgreSQL backup into a new PGlite data dir the same way back', async () => {
    const file = join(dir, 'from-postgres.jsonl.gz');
    await createBackup({ db: postgres.db, engine: 'postgres' }, backupContext(), { path: file, key });
    const back = await open({ DATA_DIR: join(dir, 'back') });
    await createAwkwardTables(back.db);
    await restoreBackup(back, restoreContext(), { path: file, key });
    for (const table of (await publicTables(postgres.db)).filter((t) => t !== 'audit_log')) {
      expect({ table, rows: await tableContents(back.db, table) }).toEqual({
        table,
        rows: await tableContents(postgres.db, table),
      });
    }
    const audit = await tableContents(back.db, 'audit_log');
    expect(audit.slice(0, -1)).toEqual((await tableContents(postgres.db, 'audit_log')).slice(0, -1));
    expect((await verifyAuditChain({ db: back.db })).ok).toBe(true);
  });

  it('refuses a PostgreSQL database whose ctype is not UTF-8 aware', async () => {
    const url = await createPgDatabase("encoding 'SQL_ASCII' lc_ctype 'C' lc_collate 'C'");
    await expect(
      openDatabase({ DATABASE_URL: url, DATA_DIR: '', DATABASE_POOL_SIZE: 1 }),
    ).rejects.toMatchObject({
      code: 'database.unsupported_ctype',
      details: { ctype: 'C', encoding: 'SQL_ASCII' },
    });
    const cli = await runCli(['migrate'], { DATABASE_URL: url });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain('LC_CTYPE');
    expect(cli.stderr).toContain('database.unsupported_ctype');
  });
});
