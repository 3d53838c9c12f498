import { installAuditKey, resolveAuditKey } from './audit/audit-key';
import type { Config } from './config';
import { type DatabaseHandle, openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { buildApp } from './http/app';
import { inboxJobs } from './inbox/fan-out.job';
import { readInstallationSetting } from './installation-settings.queries';
import { collectJobHandlers, startJobRunner } from './jobs/job-runner';
import { startMailWorker } from './mail/outbox.service';
import type { ModuleDeps, ServerModule } from './module';
import { seedDemo } from './seed';

export type RunningServer = { url: string; close(): Promise<void>; database: DatabaseHandle };

/** Opens the database, migrates, seeds the demo on first run, and listens with the given modules. */
export async function startServer(
  config: Config,
  options: { modules: ServerModule[]; webRoot?: string; print?: (line: string) => void },
): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  // Before the database: a PostgreSQL installation without AUDIT_HMAC_KEY must not start.
  installAuditKey(resolveAuditKey(config));
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db as never);
    const mail = startMailWorker(database, {
      smtpUrl: config.SMTP_URL,
      from: config.MAIL_FROM,
      log: (msg, err) => console.error(msg, err),
    });
    const deps: ModuleDeps = { db: database.db, config, engine: database.engine, kickMail: mail.kick };
    await seedDemo(deps, options.modules, { mode: config.SEED_DEMO, print });
    const app = await buildApp({
      config,
      database,
      modules: options.modules,
      kickMail: mail.kick,
      webRoot: options.webRoot,
    });
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    // Once listening: the seed's data is in place, and a failed start leaves no runner behind.
    const jobs = startJobRunner({
      deps,
      handlers: collectJobHandlers(inboxJobs, ...options.modules.map((m) => m.jobs)),
      log: (msg, err) => console.error(msg, err),
    });
    const port = Number(new URL(address).port);
    const url = config.BASE_URL ?? `http://localhost:${port}`;
    print('');
    print(`Zaitaku が起動しました / Zaitaku is running: ${url}`);
    print(
      `  データベース / database: ${database.engine === 'pglite' ? `PGlite (${config.DATA_DIR})` : 'PostgreSQL'}`,
    );
    const banner = await readInstallationSetting<string[]>(database.db, 'demo_banner');
    for (const line of banner ?? []) print(line);
    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        await app.close();
        await jobs.stop();
        mail.stop();
        await database.close();
      })();
      return closing;
    };
    return { url, close, database };
  } catch (error) {
    await database.close();
    throw error;
  }
}
