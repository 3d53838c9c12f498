import type { FastifyInstance } from 'fastify';
import { serverModules } from '../../src/server/modules/registry';
import { type Config, loadConfig } from '../../src/server/platform/config';
import type { DatabaseHandle } from '../../src/server/platform/db/database';
import { buildApp, type RouteInfo } from '../../src/server/platform/http/app';
import type { ModuleDeps } from '../../src/server/platform/module';
import { openTestDatabase } from './test-db';

export type TestApp = {
  app: FastifyInstance & { routeTable: RouteInfo[] };
  database: DatabaseHandle;
  db: DatabaseHandle['db'];
  config: Config;
  deps: ModuleDeps;
  close(): Promise<void>;
};

/** Test configuration: production defaults except a cheaper password hash and no logs. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', PASSWORD_SCRYPT_LOG_N: '12', SEED_DEMO: 'never', ...overrides });
}

/** The whole app on a fresh database of this project's engine; call close() in afterAll. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const database = await openTestDatabase();
  const deps: ModuleDeps = { db: database.db, config, engine: database.engine, kickMail: () => undefined };
  const app = await buildApp({ config, database, modules: serverModules, logger: false });
  return {
    app,
    database,
    db: database.db,
    config,
    deps,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
