import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findErrorEntry } from '../contracts/error-codes';
import { serverModules } from '../server/modules/registry';
import { installAuditKey, resolveAuditKey } from '../server/platform/audit/audit-key';
import { type BackupSummary, createBackup } from '../server/platform/backup/backup.service';
import { type BackupKey, backupKeyFrom } from '../server/platform/backup/backup-crypto';
import {
  createBackupGeneration,
  type GenerationSummary,
  MIN_GENERATIONS,
} from '../server/platform/backup/backup-generations';
import { restoreBackup } from '../server/platform/backup/restore.service';
import type { CliCommand } from '../server/platform/cli-command';
import type { Config } from '../server/platform/config';
import { systemContext } from '../server/platform/context';
import { openDatabase } from '../server/platform/db/database';
import { migrateToLatest } from '../server/platform/db/migrate';
import { withDatabase } from '../server/platform/db/with-database';
import { AppError, isAppError } from '../server/platform/errors';
import { seedDemo } from '../server/platform/seed';
import { startServer } from '../server/platform/server';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** Prints a catalogued error in Japanese and English with its specifics, for an operator at a terminal. */
function reportAppError(error: unknown): number {
  if (!isAppError(error)) throw error;
  const entry = findErrorEntry(error.code);
  const hint = (error.details as { hint?: string } | undefined)?.hint;
  err(`${error.message}\n${entry?.en ?? ''} [${error.code}]${hint ? `\n  ${hint}` : ''}`);
  return 1;
}

/** Reads `--name VALUE` or `--name=VALUE`. */
export function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** The operator's backup key, or an explained refusal (exit 1) when there is none. */
function requireBackupKey(args: string[], config: Config): BackupKey | number {
  try {
    const key = backupKeyFrom(config, optionValue(args, '--key-file'));
    if (key) return key;
    throw new AppError('backup.key_required');
  } catch (error) {
    return reportAppError(error);
  }
}

const BACKUP_USAGE = 'zaitaku backup --out FILE | --dir DIR [--keep N] [--key-file F]';
const RESTORE_USAGE = 'zaitaku restore --in FILE [--force] [--key-file F] [--allow-unencrypted]';

async function runBackup(args: string[], config: Config): Promise<number> {
  const file = optionValue(args, '--out');
  const dir = optionValue(args, '--dir');
  const keepText = optionValue(args, '--keep');
  const keep = keepText === undefined ? undefined : Number(keepText);
  if (
    Boolean(file) === Boolean(dir) ||
    (keep !== undefined && !(Number.isInteger(keep) && keep >= MIN_GENERATIONS))
  ) {
    err(
      `使い方 / usage: ${BACKUP_USAGE}   (例 / e.g. --dir /var/backups/zaitaku --keep 7; --keep は ${MIN_GENERATIONS} 以上 / at least ${MIN_GENERATIONS})`,
    );
    return 2;
  }
  if (file && existsSync(file)) {
    err(`${file} はすでにあります。別のファイル名を指定してください / ${file} exists; choose another name`);
    return 1;
  }
  if (dir && !existsSync(dir)) {
    err(`${dir} がありません。先にディレクトリを作成してください / ${dir} does not exist; create it first`);
    return 1;
  }
  const key = requireBackupKey(args, config);
  if (typeof key === 'number') return key;
  installAuditKey(resolveAuditKey(config));
  const database = await openDatabase(config);
  try {
    // The audit log names the command (`backup.create` by `zaitaku backup`), installation-wide.
    const ctx = systemContext('zaitaku backup', config.DEFAULT_MUNICIPALITY);
    const summary: BackupSummary & Partial<GenerationSummary> = dir
      ? await createBackupGeneration(database, ctx, { dir: resolve(dir), key, keep })
      : await createBackup(database, ctx, { path: resolve(file!), key });
    out(
      `バックアップを作成しました（暗号化済み）: ${summary.file}（${summary.tables} 表、${summary.rows} 行） / encrypted backup written: ${summary.tables} tables, ${summary.rows} rows`,
    );
    if (summary.anchorFile) out(`  監査ログのアンカー / audit anchor: ${summary.anchorFile}`);
    if (summary.kept && summary.removed) {
      out(
        `  保管中の世代 / generations kept: ${summary.kept.length}（古い世代は読み取り専用 / older ones read-only）`,
      );
      for (const removed of summary.removed) out(`  削除した世代 / removed: ${removed}`);
    }
    return 0;
  } catch (error) {
    return reportAppError(error);
  } finally {
    await database.close();
  }
}

async function runRestore(args: string[], config: Config): Promise<number> {
  const file = optionValue(args, '--in');
  if (!file) {
    err(`使い方 / usage: ${RESTORE_USAGE}`);
    return 2;
  }
  if (!existsSync(file)) {
    err(`${file} が見つかりません / ${file} not found`);
    return 1;
  }
  let key: BackupKey | undefined;
  try {
    key = backupKeyFrom(config, optionValue(args, '--key-file'));
  } catch (error) {
    return reportAppError(error);
  }
  installAuditKey(resolveAuditKey(config));
  const database = await openDatabase(config);
  try {
    const summary = await restoreBackup(
      database,
      systemContext('zaitaku restore', config.DEFAULT_MUNICIPALITY),
      {
        path: resolve(file),
        force: args.includes('--force'),
        key,
        allowUnencrypted: args.includes('--allow-unencrypted'),
      },
    );
    out(
      `復元しました: ${summary.tables} 表、${summary.rows} 行（${summary.backupCreatedAt} に ${summary.sourceEngine} で作成） / restored ${summary.tables} tables, ${summary.rows} rows`,
    );
    if (summary.migratedAfter > 0) {
      out(
        `  続けて ${summary.migratedAfter} 件の移行を適用しました / applied ${summary.migratedAfter} newer migrations`,
      );
    }
    return 0;
  } catch (error) {
    return reportAppError(error);
  } finally {
    await database.close();
  }
}

const backupCommands: CliCommand[] = [
  {
    name: 'backup',
    summary:
      'すべてのデータを暗号化してファイルに書き出す（PGlite はサーバー停止中に） / write an encrypted backup',
    usage: BACKUP_USAGE,
    run: runBackup,
  },
  {
    name: 'restore',
    summary: 'バックアップから復元する（空のデータベースへ。上書きは --force） / restore a backup',
    usage: RESTORE_USAGE,
    run: runRestore,
  },
];

export const platformCommands: CliCommand[] = [
  {
    name: 'serve',
    summary: 'サーバーを起動する / start the server',
    usage: 'zaitaku serve',
    async run(_args, config) {
      const server = await startServer(config, { modules: serverModules, webRoot: resolve('dist/web') });
      await new Promise<void>((done) => {
        const stop = async (signal: string) => {
          err(`${signal}: 停止しています… / shutting down…`);
          await server.close();
          done();
        };
        process.once('SIGINT', () => void stop('SIGINT'));
        process.once('SIGTERM', () => void stop('SIGTERM'));
      });
      return 0;
    },
  },
  {
    name: 'migrate',
    summary: 'データベースを最新の構造にする / apply migrations',
    usage: 'zaitaku migrate',
    async run(_args, config) {
      const database = await openDatabase(config);
      try {
        const results = await migrateToLatest(database.db as never);
        for (const r of results) out(`${r.status}: ${r.migrationName}`);
        out(results.length === 0 ? '最新です / up to date' : `${results.length} 件適用しました / applied`);
      } finally {
        await database.close();
      }
      return 0;
    },
  },
  {
    name: 'seed',
    summary: 'デモデータを作成する / seed the demo municipality',
    usage: 'zaitaku seed [--force]',
    async run(args, config) {
      return withDatabase(config, async (deps) => {
        const seeded = await seedDemo(deps, serverModules, {
          mode: args.includes('--force') ? 'always' : 'auto',
          print: out,
        });
        out(
          seeded
            ? 'デモデータを作成しました / demo data seeded'
            : 'デモデータは作成済みです / already seeded',
        );
        return 0;
      });
    },
  },
  ...backupCommands,
];
