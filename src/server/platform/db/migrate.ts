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

/**
 * Migration files are named `YYYYMMDDhhmmss_topic.ts` and run in name order, the same on both
 * engines. A branch's migration may carry its helper's letter in the minutes' tens
 * (`2026120299A000_topic.ts`, renamed to digits at merge): it runs too, after the digits of that day.
 */
const MIGRATION_FILE = /^\d{10}[0-9A-Z]\d{3}_[a-z0-9_]+\.ts$/;

class DirectoryProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(migrationsDir)).filter((f) => MIGRATION_FILE.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.ts$/, '')] = (await import(
        pathToFileURL(join(migrationsDir, file)).href
      )) as Migration;
    }
    return migrations;
  }
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: new DirectoryProvider() });
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
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return results ?? [];
}
