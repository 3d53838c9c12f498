import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration.

const layouts = `'medical_standard', 'medical_recommended', 'care_recommended', 'mhlw_care_service'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // What the last open-data import said about a facility: the hash of its normalised row (to see an
  // unchanged row without loading the facility), and the standard columns the directory has no
  // place for (法人番号, 時間外における対応, 備考 …) so that an export gives them back.
  await sql
    .raw(`
    create table opendata_facility_sources (
      facility_id uuid primary key references facilities (id) on delete cascade,
      municipality_code char(6) not null references municipalities (code),
      layout text not null check (layout in (${layouts})),
      content_hash text not null,
      extras jsonb not null default '{}',
      source_file text,
      source_line integer,
      synced_at timestamptz not null,
      editor_edits_overwritten_at timestamptz
    )`)
    .execute(db);
  await sql`create index opendata_facility_sources_municipality on opendata_facility_sources (municipality_code)`.execute(
    db,
  );

  // Exports page through a municipality's facilities in id order (keyset pagination): without this
  // index every page would sort the whole municipality again.
  await sql`create index opendata_facilities_keyset on facilities (municipality_code, id)`.execute(db);

  // Every import run (dry runs and refused files too), with its report, for the admin page.
  await sql
    .raw(`
    create table opendata_imports (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6),
      file_name text not null,
      file_sha256 text not null,
      file_bytes bigint not null,
      layout text check (layout is null or layout in (${layouts})),
      encoding text,
      dry_run boolean not null,
      committed boolean not null,
      row_count integer not null,
      created integer not null,
      updated integer not null,
      unchanged integer not null,
      rejected integer not null,
      report jsonb not null,
      imported_by_user_id uuid,
      imported_by_label text,
      started_at timestamptz not null,
      finished_at timestamptz not null default now()
    )`)
    .execute(db);
  await sql`create index opendata_imports_recent on opendata_imports (municipality_code, started_at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table opendata_imports, opendata_facility_sources`.execute(db);
  await sql`drop index opendata_facilities_keyset`.execute(db);
}
