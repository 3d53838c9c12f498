import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/server/platform/db/schema';

/**
 * Tables a refused request may change by design, so the "nothing changed" check leaves them out:
 * - audit_log: refusals (forbidden, foreign origin, failed sign-in) are audited on purpose;
 * - access_log: record-level read logging writes before the answer is known;
 * - sessions: the fuzz harness opens a fresh session for every request, and each request touches
 *   its session's last-seen time;
 * - jobs: the outbox kick and daily jobs are scheduled beside the request;
 * - kysely_migration, kysely_migration_lock: the migrator's own bookkeeping.
 */
export const CHANGING_TABLES = new Set([
  'audit_log',
  'access_log',
  'sessions',
  'jobs',
  'kysely_migration',
  'kysely_migration_lock',
]);

/**
 * Columns a refused request may change by design: a wrong password or second-factor code counts
 * and may lock the account (the refusal IS the change; see the lockout tests in accounts).
 */
export const CHANGING_COLUMNS: Record<string, readonly string[]> = {
  users: ['failed_attempts', 'totp_failed_attempts', 'locked_until', 'updated_at'],
};

/**
 * Routes whose refusal writes on purpose: every wrong second-factor code counts per account
 * (columns above), and the fifth locks and mails the owner and the ward admins (issue 12, finding 1;
 * lockout.service.ts). A wrong password is counted but never mailed, so login is not listed.
 */
export const REFUSAL_WRITES: Record<string, readonly string[]> = {
  'POST /api/auth/totp': ['mail_outbox'],
  'POST /api/auth/totp/enrolment/confirm': ['mail_outbox'],
  'POST /api/auth/recovery-codes': ['mail_outbox'],
};

export type Fingerprint = Map<string, string>;

let tables: string[] | undefined;

/** Row count and a sum of row hashes of every table of the schema (new tables are included by themselves). */
export async function fingerprint(db: Kysely<Database>): Promise<Fingerprint> {
  if (!tables) {
    const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
    tables = rows.map((r) => r.name).filter((name) => !CHANGING_TABLES.has(name));
  }
  const parts = tables.map((name) => {
    const dropped = (CHANGING_COLUMNS[name] ?? []).map((c) => sql` - ${c}::text`);
    return sql`select ${name}::text as name, count(*)::text || ':' ||
      coalesce(sum(hashtext((to_jsonb(t)${sql.join(dropped, sql``)})::text)::bigint), 0)::text as print
      from ${sql.table(name)} t`;
  });
  const { rows } = await sql<{ name: string; print: string }>`${sql.join(parts, sql` union all `)}`.execute(
    db,
  );
  return new Map(rows.map((r) => [r.name, r.print]));
}

/** Tables whose fingerprint differs, leaving out those the route may change when refused. */
export function changedTables(
  before: Fingerprint,
  after: Fingerprint,
  allowed: readonly string[] = [],
): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name) && !allowed.includes(name));
}
