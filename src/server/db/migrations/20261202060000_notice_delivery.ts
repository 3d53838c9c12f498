import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  // The inbox row remembers its mail, so "the mail server took it" can move the notice to delivered.
  await sql`alter table inbox_notices add column mail_id uuid, add column delivered_at timestamptz`.execute(
    db,
  );
  await sql`create index inbox_notices_mail on inbox_notices (mail_id) where mail_id is not null`.execute(db);
  await sql`create index inbox_notices_record on inbox_notices (record_type, record_id)`.execute(db);

  await sql`alter table case_notices add column delivered_at timestamptz`.execute(db);

  // A FAX sheet's one-time link: only the hash is kept; the link works once, until it expires.
  await sql`
    create table case_notice_links (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      notice_id uuid not null references case_notices (id),
      token_hash text not null unique,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_notice_links_notice on case_notice_links (notice_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table case_notice_links`.execute(db);
  await sql`alter table case_notices drop column delivered_at`.execute(db);
  await sql`drop index inbox_notices_record`.execute(db);
  await sql`alter table inbox_notices drop column mail_id, drop column delivered_at`.execute(db);
}
