import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationFileError, readMigrationFiles } from '../../src/server/platform/db/migrate';

const dirs: string[] = [];

async function folderWith(...names: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zaitaku-migrations-'));
  dirs.push(dir);
  for (const name of names) await writeFile(join(dir, name), 'export async function up() {}\n');
  return dir;
}

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the migrator refuses a migration it would not run', () => {
  it('lists well-named migrations in the order they run, ignoring files that are not .ts', async () => {
    const dir = await folderWith('20261202000200_b.ts', '20261202000100_a.ts', 'notes.md');
    expect(await readMigrationFiles(dir)).toEqual(['20261202000100_a.ts', '20261202000200_b.ts']);
  });

  it.each([
    '2026120299F000_lettered_placeholder.ts',
    '2026120200010_thirteen_digits.ts',
    '20261202000100-dash.ts',
    '20261202000100_CamelCase.ts',
    'helpers.ts',
  ])('stops with an error naming %s (Japanese first, English second)', async (bad) => {
    const dir = await folderWith('20261202000100_a.ts', bad);
    const error = await readMigrationFiles(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFileError);
    expect((error as MigrationFileError).files).toEqual([bad]);
    const message = (error as Error).message;
    expect(message).toContain(bad);
    expect(message).toMatch(/^マイグレーションのファイル名が規則に合いません.* \/ misnamed migration files/);
  });

  it('names every misnamed file at once', async () => {
    const dir = await folderWith('20261202000100_a.ts', 'b.ts', 'a.ts');
    const error = await readMigrationFiles(dir).catch((e: unknown) => e);
    expect((error as MigrationFileError).files).toEqual(['a.ts', 'b.ts']);
  });

  it('accepts every migration this version ships', async () => {
    const files = await readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);
  });
});
