import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, writeAudit } from '../../src/server/platform/audit/audit.service';
import { checkAnchor, readAnchorFile } from '../../src/server/platform/audit/audit-anchor';
import { anchorPathFor, createBackup } from '../../src/server/platform/backup/backup.service';
import { ENCRYPTED_MAGIC } from '../../src/server/platform/backup/backup-crypto';
import { createBackupGeneration, listGenerations } from '../../src/server/platform/backup/backup-generations';
import { restoreBackup } from '../../src/server/platform/backup/restore.service';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import { listAppliedMigrations } from '../../src/server/platform/db/migrate';
import { testAuditAction } from '../support/audit-actions';
import { openTestDatabase } from '../support/test-db';
import { backupContext, restoreContext } from './support/backup-fixtures';

const key = { material: Buffer.from('backup-encryption-test-key-0123456789abcdef') };
const wrongKey = { material: Buffer.from('not-the-backup-key-but-long-enough-0123456789') };

describe('encrypted backups', () => {
  let dir: string;
  let source: DatabaseHandle;
  let target: DatabaseHandle;
  let file: string;

  const municipalities = async (h: DatabaseHandle) =>
    (await sql<{ code: string }>`select code from municipalities order by code`.execute(h.db)).rows.map(
      (r) => r.code,
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zaitaku-enc-'));
    file = join(dir, 'backup.jsonl.gz.enc');
    [source, target] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    await sql`insert into municipalities (code, name, prefecture) values ('131105', '目黒区', '東京都')`.execute(
      source.db,
    );
    await writeAudit(source.db, undefined, {
      action: testAuditAction('test.before_backup'),
      municipalityCode: '131105',
    });
    await createBackup(source, backupContext(), { path: file, key });
    // The target holds other data, so a refused restore that changed anything would show.
    await sql`insert into municipalities (code, name, prefecture) values ('131130', '渋谷区', '東京都')`.execute(
      target.db,
    );
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes no readable byte of the data, and a read-only file', () => {
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)).toBe(true);
    expect(() => gunzipSync(bytes)).toThrow();
    expect(bytes.includes(Buffer.from('目黒区'))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o400);
  });

  it('refuses the wrong key and changes nothing, not even with --force', async () => {
    const before = await listAppliedMigrations(target.db as never);
    await expect(
      restoreBackup(target, restoreContext(), { path: file, key: wrongKey, force: true }),
    ).rejects.toMatchObject({
      code: 'backup.authentication_failed',
    });
    expect(await municipalities(target)).toEqual(['131130']);
    expect(await listAppliedMigrations(target.db as never)).toEqual(before);
  });

  it('refuses a file with one changed byte near its end, and one cut short, changing nothing', async () => {
    const bytes = Buffer.from(readFileSync(file));
    const flipped = join(dir, 'flipped.enc');
    bytes[bytes.length - 20]! ^= 0x01;
    writeFileSync(flipped, bytes);
    await expect(
      restoreBackup(target, restoreContext(), { path: flipped, key, force: true }),
    ).rejects.toMatchObject({
      code: 'backup.authentication_failed',
    });
    const cut = join(dir, 'cut.enc');
    writeFileSync(cut, readFileSync(file).subarray(0, readFileSync(file).length - 30));
    await expect(
      restoreBackup(target, restoreContext(), { path: cut, key, force: true }),
    ).rejects.toMatchObject({
      code: 'backup.authentication_failed',
    });
    expect(await municipalities(target)).toEqual(['131130']);
  });

  it('asks for the key when none is given', async () => {
    await expect(restoreBackup(target, restoreContext(), { path: file, force: true })).rejects.toMatchObject({
      code: 'backup.key_required',
    });
  });

  it('refuses an unencrypted backup unless allowed explicitly', async () => {
    const plainFile = join(dir, 'plain.jsonl.gz');
    await createBackup(source, backupContext(), { path: plainFile });
    await expect(
      restoreBackup(target, restoreContext(), { path: plainFile, key, force: true }),
    ).rejects.toMatchObject({
      code: 'backup.unencrypted',
    });
    expect(await municipalities(target)).toEqual(['131130']);
  });

  it('restores with the right key, the audit chain intact, and the anchor beside it matching', async () => {
    await restoreBackup(target, restoreContext(), { path: file, key, force: true });
    expect(await municipalities(target)).toEqual(['131105']);
    expect((await verifyAuditChain({ db: target.db })).ok).toBe(true);
    // The anchor was taken after backup.create, which the backup itself does not hold.
    const anchor = readAnchorFile(anchorPathFor(file));
    expect(await checkAnchor(source.db, anchor)).toEqual({ ok: true });
    expect(await checkAnchor(target.db, anchor)).toMatchObject({ ok: false });
  });

  it('keeps the newest generations in a directory, older ones read-only', async () => {
    const generations = join(dir, 'generations');
    mkdirSync(generations);
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      const now = new Date(Date.UTC(2026, 3, 1 + i, 3, 0, 0));
      const summary = await createBackupGeneration(source, backupContext(), {
        dir: generations,
        key,
        keep: 3,
        now,
      });
      names.push(summary.file.split('/').at(-1)!);
    }
    expect(listGenerations(generations)).toEqual(names.slice(1));
    for (const name of listGenerations(generations)) {
      expect(statSync(join(generations, name)).mode & 0o777).toBe(0o400);
    }
    expect(readdirSync(generations).filter((n) => n.endsWith('.anchor.json'))).toHaveLength(3);
    await expect(
      createBackupGeneration(source, backupContext(), { dir: generations, key, keep: 2 }),
    ).rejects.toThrow(/at least 3/);
  });
});
