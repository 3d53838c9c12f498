import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

const ROLES = `'ward_admin', 'center_staff', 'hospital_staff', 'clinician', 'care_manager', 'facility_editor'`;
const KINDS = `'ward_section', 'community_support_center', 'hospital', 'clinic', 'dental_clinic', 'pharmacy',
  'visiting_nurse_station', 'care_management_office', 'association'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisations (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      kind text not null check (kind in (${sql.raw(KINDS)})),
      name text not null check (length(name) between 1 and 200),
      name_kana text check (length(name_kana) <= 200),
      facility_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint organisations_name_unique unique (municipality_code, name)
    )`.execute(db);
  await sql`create index organisations_facility on organisations (facility_id) where facility_id is not null`.execute(
    db,
  );

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      email text not null check (email = lower(email) and length(email) between 3 and 254),
      display_name text not null check (length(display_name) between 1 and 100),
      password_hash text not null,
      password_change_required boolean not null default false,
      status text not null default 'active' check (status in ('active', 'disabled')),
      totp_secret text,
      totp_enrolled_at timestamptz,
      totp_last_step bigint,
      failed_attempts integer not null default 0 check (failed_attempts >= 0),
      locked_until timestamptz,
      last_login_at timestamptz,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index users_email_unique on users (lower(email))`.execute(db);
  await sql`create index users_municipality on users (municipality_code, created_at)`.execute(db);

  await sql`
    create table memberships (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      user_id uuid not null references users (id) on delete cascade,
      organisation_id uuid not null references organisations (id),
      role text not null check (role in (${sql.raw(ROLES)})),
      created_at timestamptz not null default now(),
      constraint memberships_unique unique (user_id, organisation_id, role)
    )`.execute(db);
  await sql`create index memberships_organisation on memberships (organisation_id)`.execute(db);

  await sql`
    create table sessions (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      token_hash text not null,
      csrf_token text not null,
      two_factor_verified boolean not null default false,
      pending_totp_secret text,
      client_ip text,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      constraint sessions_token_unique unique (token_hash)
    )`.execute(db);
  await sql`create index sessions_user on sessions (user_id)`.execute(db);

  await sql`
    create table recovery_codes (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      constraint recovery_codes_unique unique (user_id, code_hash)
    )`.execute(db);

  await sql`
    create table invitations (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      token_hash text not null,
      email text not null check (email = lower(email)),
      organisation_id uuid not null references organisations (id),
      role text not null check (role in (${sql.raw(ROLES)})),
      invited_by uuid references users (id),
      invited_by_label text,
      mail_id uuid,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_user_id uuid references users (id),
      revoked_at timestamptz,
      constraint invitations_token_unique unique (token_hash),
      check (accepted_at is null or revoked_at is null)
    )`.execute(db);
  await sql`create index invitations_municipality on invitations (municipality_code, created_at desc)`.execute(
    db,
  );

  await sql`
    create table password_resets (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      token_hash text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      constraint password_resets_token_unique unique (token_hash)
    )`.execute(db);
  await sql`create index password_resets_user on password_resets (user_id)`.execute(db);

  // The admin outbox viewer pages by municipality, newest first.
  await sql`create index mail_outbox_municipality on mail_outbox (municipality_code, created_at desc, id desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists mail_outbox_municipality`.execute(db);
  await sql`drop table password_resets, invitations, recovery_codes, sessions, memberships, users, organisations`.execute(
    db,
  );
}
