import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+\.ts$/;

/**
 * A `.ts` file in the migrations folder whose name the migrator would not run. Thrown before any
 * migration runs, so a misnamed migration stops the start instead of being skipped without a word.
 */
export class MigrationFileError extends Error {
  constructor(public readonly files: string[]) {
    super(
      `マイグレーションのファイル名が規則に合いません。YYYYMMDDhhmmss_名前.ts（14桁の数字、英小文字・数字・_）に直してください / misnamed migration files (expected YYYYMMDDhhmmss_topic.ts):\n${files.map((f) => `  - ${f}`).join('\n')}`,
    );
    this.name = 'MigrationFileError';
  }
}

/**
 * The migration files of a folder in the order they run. Every `.ts` file there must be a migration
 * (`YYYYMMDDhhmmss_topic.ts`); throws MigrationFileError naming every one that is not.
 */
export async function readMigrationFiles(dir: string = migrationsDir): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts'));
  const misnamed = files.filter((f) => !MIGRATION_NAME.test(f)).sort();
  if (misnamed.length > 0) throw new MigrationFileError(misnamed);
  return files.sort();
}

/** Migration files are named `YYYYMMDDhhmmss_topic.ts` and run in name order, the same on both engines. */
class DirectoryProvider implements MigrationProvider {
  constructor(private readonly dir: string = migrationsDir) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = await readMigrationFiles(this.dir);
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.ts$/, '')] = (await import(
        pathToFileURL(join(this.dir, file)).href
      )) as Migration;
    }
    return migrations;
  }
}

/**
 * Brings the schema to the latest migration; throws with the failing migration's name, or
 * MigrationFileError before running any when a file's name is not a migration's. `dir` is for tests.
 */
export async function migrateToLatest(db: Kysely<unknown>, dir?: string): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: new DirectoryProvider(dir) });
  return checked(await migrator.migrateToLatest());
}

/**
 * Brings the schema exactly to the named migration. A restore uses it to rebuild the schema a
 * backup was taken with before loading its rows, then migrates on to the latest.
 */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: new DirectoryProvider() });
  return checked(await migrator.migrateTo(name));
}

/** Names of the migrations this version of Zaitaku ships, in the order they run. */
export async function listMigrationNames(): Promise<string[]> {
  return Object.keys(await new DirectoryProvider().getMigrations());
}

/** Names of the migrations already applied to this database (none when it was never migrated). */
export async function listAppliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  // raw sql: kysely_migration is Kysely's own table, outside the Database interface, and may not exist yet.
  const { rows } = await sql<{ present: boolean }>`
    select to_regclass('public.kysely_migration') is not null as present`.execute(db);
  if (!rows[0]?.present) return [];
  // raw sql: kysely_migration is Kysely's own table, outside the Database interface.
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return applied.rows.map((r) => r.name);
}

function checked({ error, results }: MigrationResultSet): MigrationResult[] {
  // A misnamed file is found before any migration runs: its own message says which file to rename.
  if (error instanceof MigrationFileError) throw error;
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return results ?? [];
}
