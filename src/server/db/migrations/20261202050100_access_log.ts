import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

/**
 * The record-level access log (MHLW guideline 6.0): every read and write of patient data. It is
 * append-only like the audit log but has no hash chain of its own, so a read never waits for the
 * chain's lock; tamper-evidence comes from seals (one audit-log row hashing the rows since the last
 * seal).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table access_log (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      municipality_code char(6),
      actor_user_id uuid,
      actor_label text,
      patient_id uuid,
      record_type text not null,
      record_id text,
      action text not null check (action in ('read', 'write', 'export')),
      basis text check (basis in ('circle', 'district', 'break_glass')),
      request_id text,
      client_ip text
    )`.execute(db);
  await sql`create index access_log_municipality_time on access_log (municipality_code, id desc)`.execute(db);
  await sql`create index access_log_patient on access_log (patient_id, id desc)`.execute(db);
  await sql`create index access_log_actor on access_log (actor_user_id, id desc)`.execute(db);
  await sql`
    create function access_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'access_log is append-only' using errcode = '42501';
    end $$`.execute(db);
  await sql`
    create trigger access_log_no_change before update or delete on access_log
    for each row execute function access_log_append_only()`.execute(db);
  await sql`
    create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function access_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table access_log`.execute(db);
  await sql`drop function access_log_append_only`.execute(db);
}
