import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration. The lists below repeat the
// lists of src/contracts/documents.ts; documents-migration.test.ts compares them.

export const DOCUMENT_KINDS = ['nursing_summary', 'referral_letter', 'discharge_summary'];
export const DOCUMENT_STATES = ['draft', 'final', 'withdrawn'];
export const VERSION_STATES = ['draft', 'final'];

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per document; its content lives in the versions (history is never overwritten).
  await sql`
    create table documents (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      patient_id uuid not null references patients (id),
      case_id uuid references discharge_cases (id),
      provider_change_id uuid references provider_changes (id),
      kind text not null check (kind in (${list(DOCUMENT_KINDS)})),
      status text not null default 'draft' check (status in (${list(DOCUMENT_STATES)})),
      -- the latest version's number: the optimistic-concurrency token every write names
      version integer not null default 1 check (version >= 1),
      title text not null check (length(title) between 1 and 200),
      author_organisation_id uuid not null references organisations (id),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      finalised_at timestamptz,
      withdrawn_reason text,
      check (status <> 'withdrawn' or withdrawn_reason is not null)
    )`.execute(db);
  await sql`create index documents_of_patient on documents (patient_id, updated_at desc, id desc)`.execute(
    db,
  );

  await sql`
    create table document_versions (
      document_id uuid not null references documents (id),
      version integer not null check (version >= 1),
      status text not null check (status in (${list(VERSION_STATES)})),
      title text not null,
      content jsonb not null,
      saved_by uuid not null,
      saved_by_label text not null,
      saved_at timestamptz not null default now(),
      primary key (document_id, version)
    )`.execute(db);

  // Who read which version when: one row per reader and version (the first reading counts).
  await sql`
    create table document_receipts (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null,
      document_id uuid not null,
      version integer not null,
      reader_user_id uuid not null,
      reader_label text not null,
      reader_organisation_id uuid,
      reader_organisation_label text,
      read_at timestamptz not null default now(),
      foreign key (document_id, version) references document_versions (document_id, version),
      unique (document_id, version, reader_user_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table document_receipts, document_versions, documents`.execute(db);
}
