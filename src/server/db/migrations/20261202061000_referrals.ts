import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration. The lists below repeat
// src/contracts/referrals.ts (referral-status.test.ts compares them) and the access bases of
// src/contracts/patients.ts (referral-migration.test.ts).

export const REFERRAL_STATES = [
  'draft',
  'sent',
  'received',
  'accepted',
  'declined',
  'completed',
  'cancelled',
  'failed',
];
export const OPEN_REFERRAL_STATES = ['draft', 'sent', 'received', 'accepted'];
export const REFERRAL_ROLES = [
  'family_doctor',
  'family_dentist',
  'family_pharmacy',
  'home_visit_doctor',
  'visiting_nurse',
  'care_manager',
];
export const ACCESS_BASES = ['circle', 'district', 'break_glass', 'referral'];
const PREVIOUS_ACCESS_BASES = ['circle', 'district', 'break_glass'];

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table referrals (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      patient_id uuid not null references patients (id),
      case_id uuid references discharge_cases (id),
      -- a referral for a provider change waits behind that change's consent (the continuity gate)
      provider_change_id uuid references provider_changes (id),
      role text not null check (role in (${list(REFERRAL_ROLES)})),
      -- one recipient: a directory facility (its organisation when it has accounts), or an
      -- association's desk (an organisation of kind association) that names the provider
      recipient_facility_id uuid references facilities (id),
      recipient_organisation_id uuid references organisations (id),
      recipient_label text not null check (length(recipient_label) between 1 and 200),
      via_association boolean not null default false,
      named_facility_id uuid references facilities (id),
      named_label text,
      status text not null default 'draft' check (status in (${list(REFERRAL_STATES)})),
      reason text check (length(reason) <= 500),
      note text check (length(note) <= 2000),
      -- what the sender saw of the recipient's capacity when sending
      capacity_signal text check (capacity_signal in ('accepting', 'waitlist', 'full')),
      capacity_set_at timestamptz,
      -- the patient's agreement, for a referral that replaces nobody (no provider change)
      agreement_given_by text check (agreement_given_by in ('patient', 'representative')),
      agreement_method text check (agreement_method in ('in_person', 'phone', 'document')),
      agreement_given_at timestamptz,
      agreement_note text,
      -- the case's task "wait for this recipient's answer" (one task per recipient), done on the answer
      task_id uuid references discharge_tasks (id),
      sender_organisation_id uuid references organisations (id),
      sender_label text not null,
      created_by uuid not null references users (id),
      sent_at timestamptz,
      received_at timestamptz,
      answered_at timestamptz,
      answered_by uuid references users (id),
      closed_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (via_association = (recipient_facility_id is null)),
      check (not via_association or recipient_organisation_id is not null),
      check (named_facility_id is null or via_association)
    )`.execute(db);
  // One open referral per recipient and role (a task per recipient, never two for the same one).
  await sql`
    create unique index referrals_one_open_per_recipient on referrals
      (patient_id, role, coalesce(recipient_facility_id, recipient_organisation_id))
      where status in (${list(OPEN_REFERRAL_STATES)})`.execute(db);
  await sql`create index referrals_patient on referrals (patient_id, created_at desc)`.execute(db);
  await sql`create index referrals_case on referrals (case_id) where case_id is not null`.execute(db);
  await sql`create index referrals_change on referrals (provider_change_id) where provider_change_id is not null`.execute(
    db,
  );
  await sql`create index referrals_incoming_org on referrals (recipient_organisation_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index referrals_incoming_facility on referrals (recipient_facility_id, created_at desc, id desc)`.execute(
    db,
  );

  // A recipient outside the circle reads the minimum patient data of an open referral: the access
  // log records that basis (ADD CHECK validates the old rows; the append-only triggers are untouched).
  await sql`alter table access_log drop constraint access_log_basis_check`.execute(db);
  await sql`alter table access_log add constraint access_log_basis_check check (basis in (${list(ACCESS_BASES)}))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table referrals`.execute(db);
  await sql`alter table access_log drop constraint access_log_basis_check`.execute(db);
  await sql`alter table access_log add constraint access_log_basis_check check (basis in (${list(PREVIOUS_ACCESS_BASES)})) not valid`.execute(
    db,
  );
}
