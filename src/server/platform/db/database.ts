import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import { AppError } from '../errors';
import { readDatabaseEncoding } from './catalog.queries';
import { acquireDataDirLock } from './data-dir-lock';
import { poolWithCopy } from './pg-copy-pool';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type Engine = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Kysely<Database>;
  engine: Engine;
  /** Present on the embedded engine: for backups (dumpDataDir) and tests. */
  pglite?: PGlite;
  close(): Promise<void>;
};

// Both engines return the same JS types: int8 as number (our ids and counts fit), date as 'YYYY-MM-DD'.
const DATE_OID = 1082;
const INT8_OID = 20;
pg.types.setTypeParser(INT8_OID, (value) => Number(value));
pg.types.setTypeParser(DATE_OID, (value) => value);

const pgliteParsers = { [DATE_OID]: (value: string) => value };

export type OpenOptions = {
  /** Open an in-memory PGlite from a dumped data dir (tests copy a migrated template this way). */
  loadDataDir?: Blob;
  /** In-memory PGlite without a data dir. */
  memory?: boolean;
};

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR. */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DATABASE_POOL_SIZE'>,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  return openPglite(config.DATA_DIR, options);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection dropped by the server (restart, failover) must not crash the process: the
  // pool discards it and the next query opens a new one.
  pool.on('error', (error) => {
    process.stderr.write(
      `PostgreSQL の接続が切れました（再接続します） / connection lost: ${error.message}\n`,
    );
  });
  // Every session talks UTC; presentation converts to Asia/Tokyo.
  pool.on('connect', (client) => {
    client.query("set time zone 'UTC'").catch(() => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: poolWithCopy(pool) }) });
  const handle: DatabaseHandle = {
    db,
    engine: 'postgres',
    close: async () => {
      await db.destroy();
    },
  };
  try {
    await checkCtype(db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function openPglite(dataDir: string, options: OpenOptions): Promise<DatabaseHandle> {
  const inMemory = Boolean(options.memory || options.loadDataDir);
  const release = inMemory ? () => undefined : acquireDataDirLock(resolve(dataDir));
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(inMemory ? undefined : join(resolve(dataDir), 'pg'), {
      extensions: { pg_trgm },
      parsers: pgliteParsers,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    await pglite.exec("set time zone 'UTC'");
  } catch (error) {
    release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  let closed = false;
  return {
    db,
    engine: 'pglite',
    pglite,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await db.destroy();
        if (!inMemory) await pglite.exec('checkpoint');
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * The database must be UTF-8 with a UTF-8 aware ctype: lower() (e-mail addresses are unique by
 * lower(email) and checked against JavaScript's lower case) folds only ASCII under the C ctype,
 * and pg_trgm, kept for similarity ranking, splits Japanese only under a UTF-8 ctype.
 */
async function checkCtype(db: Kysely<Database>): Promise<void> {
  const row = await readDatabaseEncoding(db);
  if (row?.encoding !== 'UTF8' || !/utf-?8/i.test(row.ctype)) {
    throw new AppError('database.unsupported_ctype', { ctype: row?.ctype, encoding: row?.encoding });
  }
}
