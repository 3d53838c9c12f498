import { resolve } from 'node:path';
import type { ModuleDeps } from '../server/modules/module';
import { verifyAuditChain } from '../server/platform/audit/audit.service';
import type { Config } from '../server/platform/config';
import { openDatabase } from '../server/platform/db/database';
import { migrateToLatest } from '../server/platform/db/migrate';
import { seedDemo } from '../server/platform/seed';
import { startServer } from '../server/platform/server';
import type { CliCommand } from './commands';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** Runs `fn` with an open, migrated database and closes it however `fn` ends. */
export async function withDatabase<T>(config: Config, fn: (deps: ModuleDeps) => Promise<T>): Promise<T> {
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db as never);
    return await fn({ db: database.db, config, engine: database.engine, kickMail: () => undefined });
  } finally {
    await database.close();
  }
}

export const platformCommands: CliCommand[] = [
  {
    name: 'serve',
    summary: 'サーバーを起動する / start the server',
    usage: 'zaitaku serve',
    async run(_args, config) {
      const server = await startServer(config, { webRoot: resolve('dist/web') });
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
        const seeded = await seedDemo(deps, {
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
  {
    name: 'audit',
    summary: '監査ログの改ざんを検査する / verify the audit log hash chain',
    usage: 'zaitaku audit verify',
    async run(args, config) {
      if (args[0] !== 'verify') {
        err('使い方 / usage: zaitaku audit verify');
        return 2;
      }
      return withDatabase(config, async ({ db }) => {
        const result = await verifyAuditChain(db);
        if (result.ok) {
          out(`監査ログは正常です（${result.checked} 件） / audit log intact (${result.checked} rows)`);
          return 0;
        }
        err(
          `監査ログの改ざんを検出しました: id ${result.firstBrokenId} (${result.reason}) / audit log tampered at id ${result.firstBrokenId}`,
        );
        return 1;
      });
    },
  },
];
