import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table municipalities (
      code char(6) primary key check (code ~ '^[0-9]{6}$'),
      name text not null check (length(name) between 1 and 100),
      name_kana text,
      name_en text,
      prefecture text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // Append-only audit trail with a hash chain (MHLW guideline 6.0: 証跡の改ざん防止).
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      municipality_code char(6),
      actor_user_id uuid,
      actor_organisation_id uuid,
      actor_label text,
      action text not null,
      outcome text not null check (outcome in ('success', 'failure', 'denied')),
      record_type text,
      record_id text,
      patient_id text,
      request_id text,
      client_ip text,
      details jsonb,
      prev_hash text not null,
      hash text not null unique
    )`.execute(db);
  await sql`create index audit_log_municipality_time on audit_log (municipality_code, occurred_at desc)`.execute(
    db,
  );
  await sql`create index audit_log_actor on audit_log (actor_user_id, occurred_at desc)`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only' using errcode = '42501';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);

  await sql`
    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6),
      kind text not null,
      to_address text not null,
      subject text not null,
      body_text text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`create index mail_outbox_due on mail_outbox (next_attempt_at) where status = 'pending'`.execute(
    db,
  );

  // Small key/value store for installation facts (demo seeded, schema checks).
  await sql`
    create table installation_settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table installation_settings, mail_outbox, audit_log, municipalities cascade`.execute(db);
  await sql`drop function audit_log_append_only`.execute(db);
}
