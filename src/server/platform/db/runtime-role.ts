import { type Kysely, sql } from 'kysely';

/**
 * PostgreSQL with two roles (docs/security.md): the owner runs migrations, restores and this
 * grant; the server connects as a runtime role that owns nothing. A table's owner can always
 * ALTER it, TRUNCATE it and DISABLE its triggers, so the append-only audit log holds against the
 * running application only when the application is not its owner.
 *
 * The runtime role gets read and write on the application's tables, but on the audit tables only
 * SELECT and INSERT; default privileges give it the same on tables later migrations create.
 */
export const AUDIT_TABLES = ['audit_log'];

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Grants `role` what the server needs and no more. Run as the owner, after `zaitaku migrate`. */
export async function grantRuntimeRole(db: Kysely<unknown>, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`not a plain role name: ${role}`);
  // raw sql: a role name as an identifier, for the GRANT statements below.
  const r = sql.id(role);
  await db.transaction().execute(async (trx) => {
    // raw sql: pg_class, pg_namespace: catalogs outside the Database interface.
    const { rows } = await sql<{ owner: boolean }>`
      select exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = 'public' and c.relkind = 'r'
                       and pg_get_userbyid(c.relowner) = ${role}) as owner`.execute(trx);
    if (rows[0]?.owner) throw new Error(`${role} owns tables: the runtime role must own none`);
    // raw sql: GRANT, REVOKE and default privileges are DDL, which the builder does not write.
    await sql`revoke all on all tables in schema public from ${r}`.execute(trx);
    await sql`grant usage on schema public to ${r}`.execute(trx);
    await sql`grant select, insert, update, delete on all tables in schema public to ${r}`.execute(trx);
    // raw sql: GRANT on sequences, DDL.
    await sql`grant usage, select on all sequences in schema public to ${r}`.execute(trx);
    for (const table of AUDIT_TABLES) {
      // raw sql: REVOKE per audit table, DDL.
      await sql`revoke update, delete, truncate, references, trigger on ${sql.table(`public.${table}`)} from ${r}`.execute(
        trx,
      );
    }
    // Tables of later migrations: readable and writable; an audit table among them needs this
    // command again (it revokes per table), which docs/security.md says to run after each migrate.
    // raw sql: ALTER DEFAULT PRIVILEGES, DDL.
    await sql`alter default privileges in schema public grant select, insert, update, delete on tables to ${r}`.execute(
      trx,
    );
    // raw sql: ALTER DEFAULT PRIVILEGES, DDL.
    await sql`alter default privileges in schema public grant usage, select on sequences to ${r}`.execute(
      trx,
    );
  });
}
