import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The browser's User-Agent at sign-in, bounded: the owner's list of sessions shows its family.
  await sql`alter table sessions add column user_agent text check (length(user_agent) <= 300)`.execute(db);
  // SHA-256 of the browser's device cookie at sign-in; becomes a known device once two-factor passes.
  await sql`alter table sessions add column device_hash text check (length(device_hash) = 64)`.execute(db);
  // The session cap ends the oldest sessions of a user first.
  await sql`create index sessions_user_created_idx on sessions (user_id, created_at)`.execute(db);

  // Browsers a user has completed a sign-in from, known by a long-lived random device cookie
  // (only its SHA-256 kept): a sign-in from any other browser is mailed to the user.
  await sql`
    create table known_devices (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      device_hash text not null check (length(device_hash) = 64),
      first_seen_at timestamptz not null,
      last_seen_at timestamptz not null,
      unique (user_id, device_hash)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table known_devices`.execute(db);
  await sql`drop index sessions_user_created_idx`.execute(db);
  await sql`alter table sessions drop column device_hash`.execute(db);
  await sql`alter table sessions drop column user_agent`.execute(db);
}
