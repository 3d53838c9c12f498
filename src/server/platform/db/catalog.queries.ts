import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** The current database's ctype and encoding, as PostgreSQL's catalog names them. */
export async function readDatabaseEncoding(
  db: Kysely<Database>,
): Promise<{ ctype: string; encoding: string } | undefined> {
  // raw sql: pg_database is a catalog, outside the Database interface.
  const { rows } = await sql<{ ctype: string; encoding: string }>`
    select datctype as ctype, pg_encoding_to_char(encoding) as encoding
    from pg_database where datname = current_database()`.execute(db);
  return rows[0];
}

/** The cheapest statement that proves the database answers; it reads no table. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
}
