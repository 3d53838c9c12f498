import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/audit.service';
import type { RequestContext } from '../context';
import { listAppliedMigrations, listMigrationNames, migrateTo, migrateToLatest } from '../db/migrate';
import { AppError } from '../errors';
import type { ModuleDeps } from '../module';
import { hasInstallationData, listCatalogTables } from './backup-catalog.queries';
import { backupFileKind } from './backup-crypto';
import { type BackupAccess, type BackupHeader, readBackup, readBackupHeader } from './backup-format';
import { RestoreLoader } from './restore-loader';

export type RestoreSummary = {
  tables: number;
  rows: number;
  backupCreatedAt: string;
  sourceEngine: string;
  /** Migrations applied after loading, because this Zaitaku is newer than the backup. */
  migratedAfter: number;
};

/** The file to restore and how: `force` replaces existing data; `key`/`allowUnencrypted` read it. */
export type RestoreInput = { path: string; force?: boolean } & BackupAccess;

/**
 * Restores a backup made by `createBackup` on either engine: rebuilds the backup's schema by
 * migrating, loads every row in one transaction, then migrates to this version's latest and
 * records `backup.restore` in the audit log, naming the context's actor (`zaitaku restore`:
 * `systemContext`). An encrypted file is read through to its end once
 * before anything changes, so a file that fails authentication anywhere changes nothing (not
 * even the schema); an unencrypted one is refused unless `allowUnencrypted`.
 * Throws backup.invalid_file, backup.key_required, backup.authentication_failed,
 * backup.unencrypted, backup.target_not_empty (unless `force`), backup.version_mismatch,
 * backup.schema_mismatch.
 */
export async function restoreBackup(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  input: RestoreInput,
): Promise<RestoreSummary> {
  const { db } = deps;
  const { path } = input;
  const access: BackupAccess = { key: input.key, allowUnencrypted: input.allowUnencrypted };
  const header = await readBackupHeader(path, access);
  // Whole-file check first: every frame's tag, every line, the end marker.
  for await (const _ of readBackup(path, access)) {
    // reading is the check
  }
  await prepareSchema(db as Kysely<unknown>, header, Boolean(input.force));
  const loaded = await db.transaction().execute(async (trx) => {
    const loader = new RestoreLoader(trx, await listCatalogTables(trx as never), header, path);
    await loader.begin();
    for await (const { line, lineNumber } of readBackup(path, access)) await loader.accept(line, lineNumber);
    return loader.finish();
  });
  const later = await migrateToLatest(db as Kysely<unknown>);
  await writeAudit(db, ctx, {
    action: 'backup.restore',
    municipalityCode: null,
    details: {
      file: basename(path),
      backupCreatedAt: header.createdAt,
      sourceEngine: header.engine,
      tables: loaded.tables,
      rows: loaded.rows,
      forced: Boolean(input.force),
      encrypted: backupFileKind(path) === 'encrypted',
    },
  });
  return {
    ...loaded,
    backupCreatedAt: header.createdAt,
    sourceEngine: header.engine,
    migratedAfter: later.length,
  };
}

/** Refuses unknown versions and non-empty targets, then migrates to exactly the backup's schema. */
async function prepareSchema(db: Kysely<unknown>, header: BackupHeader, force: boolean): Promise<void> {
  const known = await listMigrationNames();
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw versionMismatch(
      `バックアップは新しい版の Zaitaku で作成されています（${unknown.join(', ')}） / the backup was made by a newer Zaitaku (${unknown.join(', ')})`,
    );
  }
  const applied = await listAppliedMigrations(db);
  const ahead = applied.filter((m) => !header.migrations.includes(m));
  if (ahead.length > 0) {
    throw versionMismatch(
      `復元先はバックアップより新しい版です（${ahead.join(', ')}）。新しい DATA_DIR か空のデータベースに復元してください / the target is newer than the backup (${ahead.join(', ')}); restore into a new DATA_DIR or an empty database`,
    );
  }
  if (!force && (await hasInstallationData(db, await listCatalogTables(db)))) {
    throw new AppError('backup.target_not_empty', {
      hint: '上書きする場合は --force を付けてください / add --force to replace the data',
    });
  }
  const last = header.migrations[header.migrations.length - 1];
  if (last) await migrateTo(db, last);
}

function versionMismatch(hint: string): AppError {
  return new AppError('backup.version_mismatch', { hint });
}
