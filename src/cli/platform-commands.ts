import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findErrorEntry } from '../contracts/error-codes';
import { serverModules } from '../server/modules/registry';
import { createBackup } from '../server/platform/backup/backup.service';
import { restoreBackup } from '../server/platform/backup/restore.service';
import type { CliCommand } from '../server/platform/cli-command';
import type { Config } from '../server/platform/config';
import { openDatabase } from '../server/platform/db/database';
import { migrateToLatest } from '../server/platform/db/migrate';
import { withDatabase } from '../server/platform/db/with-database';
import { isAppError } from '../server/platform/errors';
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

const backupCommands: CliCommand[] = [
  {
    name: 'backup',
    summary: 'すべてのデータをファイルに書き出す（PGlite はサーバー停止中に） / write a backup file',
    usage: 'zaitaku backup --out FILE',
    async run(args, config) {
      const file = optionValue(args, '--out');
      if (!file) {
        err('使い方 / usage: zaitaku backup --out FILE   (例 / e.g. backup-2026-04-01.jsonl.gz)');
        return 2;
      }
      if (existsSync(file)) {
        err(
          `${file} はすでにあります。別のファイル名を指定してください / ${file} exists; choose another name`,
        );
        return 1;
      }
      const database = await openDatabase(config);
      try {
        const summary = await createBackup(database.db, database.engine, resolve(file));
        out(
          `バックアップを作成しました: ${file}（${summary.tables} 表、${summary.rows} 行） / backup written: ${summary.tables} tables, ${summary.rows} rows`,
        );
        return 0;
      } catch (error) {
        return reportAppError(error);
      } finally {
        await database.close();
      }
    },
  },
  {
    name: 'restore',
    summary: 'バックアップから復元する（空のデータベースへ。上書きは --force） / restore a backup',
    usage: 'zaitaku restore --in FILE [--force]',
    async run(args, config) {
      const file = optionValue(args, '--in');
      if (!file) {
        err('使い方 / usage: zaitaku restore --in FILE [--force]');
        return 2;
      }
      if (!existsSync(file)) {
        err(`${file} が見つかりません / ${file} not found`);
        return 1;
      }
      const database = await openDatabase(config);
      try {
        const summary = await restoreBackup(database.db, resolve(file), { force: args.includes('--force') });
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
    },
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
