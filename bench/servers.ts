import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverModules } from '../src/server/modules/registry';
import { loadConfig } from '../src/server/platform/config';
import { startServer } from '../src/server/platform/server';
import { adminQuery, type Cluster, startCluster } from '../test/support/pg-cluster';
import type { BenchServer, Engine } from './scenario';

/**
 * Starts servers for the scenarios. PostgreSQL runs on one throwaway cluster per bench run
 * (or BENCH_DATABASE_URL's server), each server on a database of its own.
 */
export class ServerFactory {
  private cluster: Promise<Cluster> | undefined;

  constructor(private readonly log: (line: string) => void) {}

  // PostgreSQL has no data dir to keep the audit chain's key beside (PGlite makes one there), so
  // without it every server on PostgreSQL refuses to start: one throwaway key per bench run.
  private readonly auditKey = randomBytes(36).toString('base64');

  async start(engine: Engine, env: Record<string, string> = {}): Promise<BenchServer> {
    const database = engine === 'pglite' ? this.pgliteDir() : await this.postgresDatabase();
    const auditKey = engine === 'postgres' ? { AUDIT_HMAC_KEY: this.auditKey } : {};
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'always',
      RATE_LIMIT_PER_MINUTE: '0',
      ...auditKey,
      ...database.env,
      ...env,
    });
    const server = await startServer(config, { modules: serverModules, print: () => undefined });
    let closed = false;
    const url = server.url.replace('://localhost:', '://127.0.0.1:');
    this.log(`  server on ${engine}: ${url}`);
    return {
      engine,
      url,
      database: server.database,
      databaseEnv: database.env,
      closeKeepingData: async () => {
        if (!closed) await server.close();
        closed = true;
      },
      stop: async () => {
        if (!closed) await server.close();
        closed = true;
        await database.remove();
      },
    };
  }

  async close(): Promise<void> {
    if (this.cluster) (await this.cluster).stop();
  }

  private pgliteDir() {
    const dir = mkdtempSync(join(tmpdir(), 'zaitaku-bench-'));
    return { env: { DATA_DIR: dir }, remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }

  private async postgresDatabase() {
    const serverUrl = process.env.BENCH_DATABASE_URL ?? (await this.startCluster()).url;
    const name = `bench_${randomBytes(5).toString('hex')}`;
    const admin = (statement: string) => adminQuery<{ n: number }>(serverUrl, statement);
    // The pool's connections close asynchronously after the server has closed; dropping with
    // (force) while one is still open kills it, and the pool reports that as an unhandled error.
    const drop = async () => {
      for (let i = 0; i < 50; i++) {
        const [row] = await admin(
          `select count(*)::int as n from pg_stat_activity where datname = '${name}'`,
        );
        if (row?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin(`drop database if exists ${name} with (force)`);
    };
    await admin(
      `create database ${name} template template0 encoding 'UTF8' lc_ctype 'C.UTF-8' lc_collate 'C'`,
    );
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      remove: drop,
    };
  }

  private startCluster(): Promise<Cluster> {
    if (!this.cluster) {
      this.log('  starting a throwaway PostgreSQL 15 cluster…');
      this.cluster = startCluster();
    }
    return this.cluster;
  }
}
