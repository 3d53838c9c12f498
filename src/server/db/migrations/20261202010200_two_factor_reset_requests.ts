import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/**
 * Resetting another person's two-factor takes two ward admins: one asks, a different one
 * approves. Alone, an admin who also read a reset link could take over any account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table two_factor_reset_requests (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      user_id uuid not null references users (id) on delete cascade,
      requested_by uuid not null references users (id),
      requested_by_label text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      approved_by uuid references users (id),
      closed_at timestamptz,
      constraint two_factor_reset_requests_other_approver check (approved_by is null or approved_by <> requested_by),
      constraint two_factor_reset_requests_expiry check (expires_at > created_at)
    )`.execute(db);
  // One open request per person: a second admin's call approves it instead of asking again.
  await sql`create unique index two_factor_reset_requests_open on two_factor_reset_requests (user_id)
    where closed_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table two_factor_reset_requests`.execute(db);
}
