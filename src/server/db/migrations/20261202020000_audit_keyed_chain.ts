import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/**
 * The audit chain becomes keyed (issue 12): rows written from now on carry an HMAC-SHA-256 under
 * a key the database does not hold. Rows already written keep their plain SHA-256 and are marked
 * so; they stay verifiable, and the first keyed row's HMAC covers their head hash, so an edit
 * among them breaks the keyed part too. Adding columns with a constant default rewrites no row,
 * and ALTER TABLE does not fire the append-only row triggers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table audit_log
      add column hash_alg text not null default 'sha256'
        constraint audit_log_hash_alg check (hash_alg in ('sha256', 'hmac-sha256')),
      add column key_id text,
      add constraint audit_log_keyed_has_key check ((hash_alg = 'sha256') = (key_id is null))`.execute(db);
  // New rows must say what they are: the writer always sets both columns.
  await sql`alter table audit_log alter column hash_alg drop default`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log drop column key_id, drop column hash_alg`.execute(db);
}
