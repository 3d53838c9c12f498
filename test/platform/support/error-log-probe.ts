// Run by test/platform/logging.test.ts in its own process (pino writes to file descriptor 1, which
// a test cannot intercept in-process): one app with logging on, one request that throws.
import { openDatabase } from '../../../src/server/platform/db/database';
import { migrateToLatest } from '../../../src/server/platform/db/migrate';
import { buildApp } from '../../../src/server/platform/http/app';
import { testConfig } from '../../support/test-app';

const database = await openDatabase({ DATA_DIR: '', DATABASE_POOL_SIZE: 1 }, { memory: true });
await migrateToLatest(database.db as never);
const app = await buildApp({
  config: testConfig({ LOG_LEVEL: 'info' }),
  database,
  modules: [
    {
      name: 'probe',
      async register(api) {
        api.get('/api/probe/boom', { config: { access: 'public' } }, async () => {
          throw new Error('probe failure: row 42 of patients');
        });
      },
    },
  ],
});
const res = await app.inject({
  method: 'GET',
  url: '/api/probe/boom?name=%E7%9B%AE%E9%BB%92%E5%A4%AA%E9%83%8E',
  headers: { 'x-request-id': 'probe-log-000001', cookie: 'zaitaku_session=secret-session-token-value' },
});
process.stderr.write(`RESPONSE ${res.statusCode} ${res.body}\n`);
await app.close();
await database.close();
