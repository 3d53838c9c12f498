import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/server/platform/db/database';

/**
 * A fresh migrated database for one test file, on the engine this project runs on. On PostgreSQL
 * `url` names it, so a test can open a second pool on it (a second server instance).
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  const engine = inject('engine');
  if (engine === 'pglite') {
    const bytes = readFileSync(inject('pgliteTemplate'));
    return openDatabase({ DATA_DIR: '', DATABASE_POOL_SIZE: 1 }, { loadDataDir: new Blob([bytes]) });
  }
  const serverUrl = inject('pgServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template zaitaku_template`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ DATABASE_URL: u.toString(), DATA_DIR: '', DATABASE_POOL_SIZE: 5 });
  const close = handle.close;
  return {
    ...handle,
    url: u.toString(),
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: serverUrl });
      await a.connect();
      try {
        // Let the closed pool's backends go first: a forced drop while one is still closing kills it
        // and the pool reports that as an error after the test has finished.
        for (let i = 0; i < 50; i++) {
          const { rows } = await a.query(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if ((rows[0] as { n: number }).n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
