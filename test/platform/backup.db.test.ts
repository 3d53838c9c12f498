import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.service';
import { createBackup } from '../../src/server/platform/backup/backup.service';
import { restoreBackup } from '../../src/server/platform/backup/restore.service';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import { openTestDatabase } from '../support/test-db';
import {
  backupContext,
  createAwkwardTables,
  fillAwkwardTables,
  publicTables,
  restoreContext,
  tableContents,
} from './support/backup-fixtures';

// These tests read the format itself, so they write unencrypted files (the CLI never does);
// backup-encryption.db.test.ts covers the encrypted files and the refusal of plain ones.
const unencrypted = { allowUnencrypted: true };

describe('backup and restore on one engine', () => {
  let dir: string;
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zaitaku-backup-'));
    file = join(dir, 'backup.jsonl.gz');
    [source, target] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    await createAwkwardTables(source.db);
    await fillAwkwardTables(source.db);
    // Tables outside the migrations must exist in the target too (the restore checks the schema).
    await createAwkwardTables(target.db);
    await createBackup(source, backupContext(), { path: file });
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a gzip JSON-lines file that starts with the header and ends with the end marker', () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({ format: 'zaitaku-backup', version: 1, engine: source.engine });
    expect(header.migrations[0]).toBe('20261124000000_platform');
    // Parents before children, whatever their names.
    expect(header.tables.indexOf('bk_z_station')).toBeLessThan(header.tables.indexOf('bk_a_visit'));
    expect(header.tables.indexOf('municipalities')).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, tables: header.tables.length });
    // Generated columns are recomputed by the target, never stored in the file.
    expect(lines.join('\n')).not.toContain('name_length');
  });

  it('restores every table of a fresh target exactly as it was', async () => {
    const summary = await restoreBackup(target, restoreContext(), { path: file, ...unencrypted });
    expect(summary.rows).toBeGreaterThan(10);
    const tables = await publicTables(source.db);
    expect(await publicTables(target.db)).toEqual(tables);
    for (const table of tables.filter((t) => t !== 'audit_log')) {
      expect({ table, rows: await tableContents(target.db, table) }).toEqual({
        table,
        rows: await tableContents(source.db, table),
      });
    }
  });

  it('keeps the audit log and its hash chain, adding one row that records the restore', async () => {
    const before = await tableContents(source.db, 'audit_log');
    const after = await tableContents(target.db, 'audit_log');
    // The source recorded the backup after taking it; the target recorded the restore.
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(JSON.parse(before.at(-1)!).action).toBe('backup.create');
    expect(JSON.parse(after.at(-1)!).action).toBe('backup.restore');
    expect(await verifyAuditChain({ db: target.db })).toMatchObject({ ok: true, checked: after.length });
  });

  it('moves identity and serial sequences past the restored ids', async () => {
    const next = async (h: DatabaseHandle) => {
      const station = await sql<{ id: number }>`
        insert into bk_z_station (name) values ('新規') returning id`.execute(h.db);
      const visit = await sql<{ id: number }>`
        insert into bk_a_visit (station_id) values (${station.rows[0]!.id}) returning id`.execute(h.db);
      return [station.rows[0]!.id, visit.rows[0]!.id];
    };
    const fromSource = await next(source);
    expect(await next(target)).toEqual(fromSource);
    expect(fromSource[0]).toBe(1204);
  });

  it('recomputes generated columns in the target', async () => {
    const { rows } = await sql<{ n: number }>`
      select name_length as n from bk_z_station where name = 'O''Brien clinic'`.execute(target.db);
    expect(rows[0]?.n).toBe(14);
  });

  it('refuses a target that already holds data and leaves it untouched', async () => {
    const count = (await tableContents(target.db, 'bk_z_station')).length;
    await expect(
      restoreBackup(target, restoreContext(), { path: file, ...unencrypted }),
    ).rejects.toMatchObject({
      code: 'backup.target_not_empty',
    });
    expect(await tableContents(target.db, 'bk_z_station')).toHaveLength(count);
  });

  it('replaces the data of a non-empty target with --force', async () => {
    await sql`insert into municipalities (code, name, prefecture) values ('131130', '渋谷区', '東京都')`.execute(
      target.db,
    );
    await restoreBackup(target, restoreContext(), { path: file, force: true, ...unencrypted });
    expect(await tableContents(target.db, 'municipalities')).toEqual(
      await tableContents(source.db, 'municipalities'),
    );
    expect((await verifyAuditChain({ db: target.db })).ok).toBe(true);
  });

  it('refuses a truncated file and rolls back, keeping the target as it was', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(`${lines.slice(0, -3).join('\n')}\n`));
    const before = await tableContents(target.db, 'bk_a_visit');
    await expect(
      restoreBackup(target, restoreContext(), { path: cut, force: true, ...unencrypted }),
    ).rejects.toMatchObject({
      code: 'backup.invalid_file',
    });
    expect(await tableContents(target.db, 'bk_a_visit')).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });

  it('refuses files that are not Zaitaku backups', async () => {
    const plain = join(dir, 'plain.txt');
    writeFileSync(plain, 'hello');
    await expect(
      restoreBackup(target, restoreContext(), { path: plain, force: true, ...unencrypted }),
    ).rejects.toMatchObject({
      code: 'backup.invalid_file',
    });
    const other = join(dir, 'other.jsonl.gz');
    writeFileSync(other, gzipSync('{"format":"something-else"}\n'));
    await expect(
      restoreBackup(target, restoreContext(), { path: other, force: true, ...unencrypted }),
    ).rejects.toMatchObject({
      code: 'backup.invalid_file',
    });
  });

  it('refuses a backup made by a newer version of Zaitaku', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');
    const header = JSON.parse(lines[0]!);
    header.migrations.push('29991231000000_future');
    const newer = join(dir, 'newer.jsonl.gz');
    writeFileSync(newer, gzipSync(`${[JSON.stringify(header), ...lines.slice(1)].join('\n')}\n`));
    await expect(
      restoreBackup(target, restoreContext(), { path: newer, force: true, ...unencrypted }),
    ).rejects.toMatchObject({
      code: 'backup.version_mismatch',
    });
  });

  it('refuses a backup whose table the target does not have, changing nothing', async () => {
    const fresh = await openTestDatabase();
    try {
      await expect(
        restoreBackup(fresh, restoreContext(), { path: file, ...unencrypted }),
      ).rejects.toMatchObject({
        code: 'backup.schema_mismatch',
      });
      expect(await tableContents(fresh.db, 'municipalities')).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
