import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration. The lists below repeat the
// enums of src/contracts/patients.ts; patients-migration.test.ts compares them.

export const CARE_ROLES = [
  'family_doctor',
  'family_dentist',
  'family_pharmacy',
  'home_visit_doctor',
  'visiting_nurse',
  'care_manager',
  'support_center',
  'admitting_hospital',
  'key_person',
];
export const CARE_LEVELS = [
  'support_1',
  'support_2',
  'care_1',
  'care_2',
  'care_3',
  'care_4',
  'care_5',
  'applying',
  'none',
];
export const SEXES = ['female', 'male', 'other', 'unknown'];
export const PATIENT_STATUSES = ['active', 'merged'];

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table patients (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      name text not null check (length(name) between 1 and 100),
      name_kana text not null check (length(name_kana) between 1 and 100),
      -- normalised reading (hiragana, no spaces): search and the duplicate warning
      kana_key text not null,
      birth_date date not null,
      sex text not null check (sex in (${list(SEXES)})),
      address_town text not null,
      address_detail text,
      district_code text,
      insurer_number text check (insurer_number ~ '^[0-9]{6}([0-9]{2})?$'),
      insured_number text,
      care_level text not null default 'none' check (care_level in (${list(CARE_LEVELS)})),
      key_person jsonb,
      contacts jsonb not null default '[]',
      fictional boolean not null default false,
      status text not null default 'active' check (status in (${list(PATIENT_STATUSES)})),
      merged_into uuid references patients (id),
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'merged') = (merged_into is not null))
    )`.execute(db);
  await sql`create index patients_duplicate on patients (municipality_code, kana_key, birth_date) where status = 'active'`.execute(
    db,
  );
  await sql`create index patients_district on patients (municipality_code, district_code) where status = 'active'`.execute(
    db,
  );

  // History is kept: a membership is ended (valid_to), never deleted or overwritten.
  await sql`
    create table care_circle_memberships (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      patient_id uuid not null references patients (id),
      role text not null check (role in (${list(CARE_ROLES)})),
      facility_id uuid,
      organisation_id uuid,
      person_name text check (length(person_name) between 1 and 100),
      valid_from timestamptz not null,
      valid_to timestamptz,
      start_reason text,
      end_reason text,
      created_by uuid,
      ended_by uuid,
      created_at timestamptz not null default now(),
      check (facility_id is not null or organisation_id is not null or person_name is not null),
      check (valid_to is null or valid_to >= valid_from)
    )`.execute(db);
  await sql`create index care_circle_patient on care_circle_memberships (patient_id, valid_from desc)`.execute(
    db,
  );
  // The visibility query starts from the caller's organisations and facilities.
  await sql`create index care_circle_current_org on care_circle_memberships (organisation_id, patient_id) where valid_to is null`.execute(
    db,
  );
  await sql`create index care_circle_current_facility on care_circle_memberships (facility_id, patient_id) where valid_to is null`.execute(
    db,
  );
  await sql`
    create unique index care_circle_one_facility_per_role on care_circle_memberships (patient_id, role, facility_id)
    where valid_to is null and facility_id is not null`.execute(db);

  // Break-glass: a ward admin's time-limited read of one patient, with a reason (counted, audited).
  await sql`
    create table patient_break_glass (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      patient_id uuid not null references patients (id),
      user_id uuid not null,
      reason text not null check (length(reason) between 10 and 500),
      granted_at timestamptz not null,
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index patient_break_glass_user on patient_break_glass (user_id, expires_at desc)`.execute(
    db,
  );
  await sql`create index patient_break_glass_municipality on patient_break_glass (municipality_code, granted_at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table patient_break_glass, care_circle_memberships, patients`.execute(db);
}
