import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  // What domain code published, in its own transaction; a job fans it out (processed_at set then).
  await sql`
    create table notice_events (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null,
      kind text not null check (length(kind) between 1 and 100),
      recipient_user_ids uuid[] not null,
      title text not null check (length(title) between 1 and 200),
      body text not null check (length(body) <= 4000),
      link text check (link like '/%' and length(link) <= 500),
      record_type text,
      record_id text,
      patient_id text,
      send_mail boolean not null default true,
      requires_ack boolean not null default false,
      created_at timestamptz not null default now(),
      processed_at timestamptz
    )`.execute(db);

  // One row per recipient: what the inbox lists. The text is copied so later edits of the source
  // do not rewrite what someone was told.
  await sql`
    create table inbox_notices (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references notice_events (id),
      municipality_code char(6) not null,
      user_id uuid not null references users (id) on delete cascade,
      kind text not null,
      title text not null,
      body text not null,
      link text,
      record_type text,
      record_id text,
      patient_id text,
      requires_ack boolean not null default false,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      acknowledged_at timestamptz,
      constraint inbox_notices_once_per_user unique (event_id, user_id),
      check (acknowledged_at is null or requires_ack)
    )`.execute(db);
  await sql`create index inbox_notices_user_time on inbox_notices (user_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index inbox_notices_user_unread on inbox_notices (user_id) where read_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table inbox_notices, notice_events`.execute(db);
}
