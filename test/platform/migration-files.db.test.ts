import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import { MigrationFileError, migrateToLatest } from '../../src/server/platform/db/migrate';
import { openTestDatabase } from '../support/test-db';

// A misnamed migration used to be skipped without a word. The migrator now refuses the folder
// before it runs anything, with the error that names the file (not "migration ? failed").
describe('migrating with a misnamed file in the migrations folder', () => {
  let handle: DatabaseHandle;
  let dir: string;
  beforeAll(async () => {
    handle = await openTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'zaitaku-migrations-'));
    const up = (table: string) =>
      `export async function up(db) { await db.schema.createTable('${table}').addColumn('id', 'integer').execute(); }\n`;
    await writeFile(join(dir, '20991231000000_probe_table.ts'), up('migration_probe'));
    await writeFile(join(dir, '2099123199F000_lettered.ts'), up('migration_probe_lettered'));
  });
  afterAll(async () => {
    await handle?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses with MigrationFileError naming the file (not "migration ? failed"), running none of the folder', async () => {
    const error = await migrateToLatest(handle.db as never, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFileError);
    expect((error as MigrationFileError).files).toEqual(['2099123199F000_lettered.ts']);
    expect((error as Error).message).toContain('2099123199F000_lettered.ts');
    const { rows } = await sql<{ present: boolean }>`
      select to_regclass('public.migration_probe') is not null as present`.execute(handle.db);
    expect(rows[0]?.present).toBe(false);
  });
});
