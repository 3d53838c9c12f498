import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration. The lists below repeat
// src/contracts/consultations.ts (consultations-migration.test.ts compares them).

export const CONSULTATION_STATES = ['open', 'following_up', 'closed'];
export const AGE_BANDS = ['under_40', '40_64', '65_74', '75_84', '85_plus', 'unknown'];
export const TRI_STATES = ['yes', 'no', 'unknown'];
export const GAP_FLAGS = ['hardship', 'no_guarantor', 'living_alone', 'disability', 'mental_health'];
export const ROUTING_TARGETS = ['disability_council', 'mental_health_council', 'ward_section'];
export const CONTACT_CHANNELS = ['phone', 'walk_in', 'home_visit', 'email', 'other'];
export const CONSULTER_KINDS = [
  'self',
  'family',
  'medical_institution',
  'care_provider',
  'government',
  'other',
];
export const REFERRAL_SOURCES = [
  'ward_publication',
  'ward_office',
  'medical_institution',
  'care_manager',
  'acquaintance',
  'other',
];
export const CONSULTATION_TOPICS = [
  'home_medical_care',
  'discharge',
  'care_insurance',
  'visiting_nursing',
  'dental',
  'pharmacy',
  'cost',
  'end_of_life',
  'other',
];
export const CONTACT_RESPONSES = ['information', 'introduction', 'coordination', 'visit', 'continuing'];

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const array = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(', ')}]::text[]`);

/**
 * The home-care consultation desk (在宅療養相談窓口) of each 包括 centre: one row per person consulted
 * about (実数) and one per contact (延数). Times are timestamptz(3): the list pages by the newest
 * contact to the millisecond.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table consultations (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      -- the window (包括 centre) that took it; only its staff see the record
      organisation_id uuid not null references organisations (id),
      subject_name text check (length(subject_name) between 1 and 100),
      subject_kana text check (length(subject_kana) between 1 and 100),
      age_band text not null default 'unknown' check (age_band in (${list(AGE_BANDS)})),
      district_code text check (length(district_code) between 1 and 50),
      lives_in_ward text not null default 'unknown' check (lives_in_ward in (${list(TRI_STATES)})),
      patient_id uuid references patients (id),
      gap_flags text[] not null default '{}' check (gap_flags <@ ${array(GAP_FLAGS)}),
      routed_to text check (routed_to in (${list(ROUTING_TARGETS)})),
      routed_note text check (length(routed_note) between 1 and 200),
      status text not null default 'open' check (status in (${list(CONSULTATION_STATES)})),
      opened_by uuid references users (id),
      opened_by_label text not null check (length(opened_by_label) between 1 and 200),
      first_contact_at timestamptz(3) not null,
      last_contact_at timestamptz(3) not null,
      closed_at timestamptz(3),
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      check (routed_note is null or routed_to is not null),
      check (last_contact_at >= first_contact_at)
    )`.execute(db);
  // The window's list: newest contact first, keyset on (last_contact_at, id).
  await sql`create index consultations_window_order on consultations
    (organisation_id, last_contact_at desc, id desc)`.execute(db);
  // The yearly figures: persons counted by their first contact's month.
  await sql`create index consultations_first_contact on consultations (municipality_code, first_contact_at)`.execute(
    db,
  );
  await sql`create index consultations_patient on consultations (patient_id) where patient_id is not null`.execute(
    db,
  );

  await sql`
    create table consultation_contacts (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      consultation_id uuid not null references consultations (id),
      occurred_at timestamptz(3) not null,
      channel text not null check (channel in (${list(CONTACT_CHANNELS)})),
      consulter text not null check (consulter in (${list(CONSULTER_KINDS)})),
      institution_facility_id uuid references facilities (id),
      institution_name text check (length(institution_name) between 1 and 200),
      institution_in_ward text check (institution_in_ward in (${list(TRI_STATES)})),
      referral_source text check (referral_source in (${list(REFERRAL_SOURCES)})),
      topics text[] not null check (cardinality(topics) >= 1 and topics <@ ${array(CONSULTATION_TOPICS)}),
      responses text[] not null
        check (cardinality(responses) >= 1 and responses <@ ${array(CONTACT_RESPONSES)}),
      summary text not null check (length(summary) between 1 and 2000),
      follow_up_on date,
      recorded_by uuid references users (id),
      recorded_by_label text not null check (length(recorded_by_label) between 1 and 200),
      created_at timestamptz(3) not null default now(),
      -- an institution only when a medical institution asked, and then its name and whether in the ward
      check (
        (consulter = 'medical_institution' and institution_name is not null and institution_in_ward is not null)
        or (institution_facility_id is null and institution_name is null and institution_in_ward is null)
      )
    )`.execute(db);
  await sql`create index consultation_contacts_consultation on consultation_contacts
    (consultation_id, occurred_at desc, id desc)`.execute(db);
  await sql`create index consultation_contacts_time on consultation_contacts (municipality_code, occurred_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table consultation_contacts`.execute(db);
  await sql`drop table consultations`.execute(db);
}
