import { installAuditKey, resolveAuditKey } from '../audit/audit-key';
import type { Config } from '../config';
import type { ModuleDeps } from '../module';
import { openDatabase } from './database';
import { migrateToLatest } from './migrate';

/** Runs `fn` with an open, migrated database and closes it however `fn` ends (CLI commands, tests). */
export async function withDatabase<T>(config: Config, fn: (deps: ModuleDeps) => Promise<T>): Promise<T> {
  // Every command that opens the database appends and verifies under the installation's audit key.
  installAuditKey(resolveAuditKey(config));
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db as never);
    return await fn({ db: database.db, config, engine: database.engine, kickMail: () => undefined });
  } finally {
    await database.close();
  }
}
