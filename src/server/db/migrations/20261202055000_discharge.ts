import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code from a migration. The lists below repeat the
// state lists of src/contracts/discharge.ts; discharge-migration.test.ts compares them.

export const CASE_STATES = [
  'open',
  'planning',
  'scheduled',
  'discharged',
  'follow_up',
  'closed',
  'cancelled',
  'transferred',
  'deceased',
];
export const ACTIVE_CASE_STATES = ['open', 'planning', 'scheduled', 'discharged', 'follow_up'];
export const CHANGE_STATES = [
  'proposed',
  'awaiting_consent',
  'consented',
  'incumbent_notified',
  'acknowledged',
  'objected',
  'escalated',
  'confirmed',
  'kept_current',
  'shared_care',
  'withdrawn',
  'confirmed_override',
];
export const OPEN_CHANGE_STATES = [
  'proposed',
  'awaiting_consent',
  'consented',
  'incumbent_notified',
  'acknowledged',
  'objected',
  'escalated',
];
export const NOTICE_STATES = ['queued', 'sent', 'delivered', 'read', 'acknowledged', 'expired', 'escalated'];
export const NOTICE_KINDS = ['admission', 'provider_change', 'escalation'];
export const NOTICE_CHANNELS = ['inbox', 'email', 'fax', 'phone'];
export const CONTACT_KINDS = ['phone', 'visit', 'fax', 'message', 'video_joint_guidance'];
export const CHANGE_ROLES = ['family_doctor', 'family_dentist', 'family_pharmacy', 'home_visit_doctor'];
export const OVERRIDE_REASONS = ['emergency', 'patient_unreachable_incumbent', 'incumbent_closed', 'other'];

const list = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<unknown>): Promise<void> {
  // Per-municipality rules of the gate: how many business days an incumbent has to answer.
  await sql`
    create table discharge_settings (
      municipality_code char(6) primary key references municipalities (code),
      escalation_business_days integer not null default 2 check (escalation_business_days between 1 and 20)
    )`.execute(db);

  // A ward's checklist; the service fills it with the 包括's five checks on the first case.
  await sql`
    create table discharge_checklist_templates (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      position integer not null,
      label text not null check (length(label) between 1 and 200),
      active boolean not null default true,
      unique (municipality_code, position)
    )`.execute(db);
  await sql`
    create table discharge_cases (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      patient_id uuid not null references patients (id),
      -- the hospital may be outside the ward: a directory entry, an organisation, or just its name
      hospital_facility_id uuid,
      hospital_organisation_id uuid,
      hospital_name text not null check (length(hospital_name) between 1 and 200),
      admitted_on date not null,
      expected_discharge_on date,
      status text not null default 'open' check (status in (${list(CASE_STATES)})),
      note text,
      opened_by uuid not null,
      opened_by_organisation_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (expected_discharge_on is null or expected_discharge_on >= admitted_on)
    )`.execute(db);
  await sql`
    create unique index discharge_cases_one_active on discharge_cases (patient_id)
    where status in (${list(ACTIVE_CASE_STATES)})`.execute(db);
  await sql`create index discharge_cases_list on discharge_cases (municipality_code, created_at desc, id desc)`.execute(
    db,
  );

  await sql`
    create table discharge_case_items (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null,
      case_id uuid not null references discharge_cases (id),
      position integer not null,
      label text not null,
      done boolean not null default false,
      note text,
      done_by uuid,
      done_at timestamptz,
      unique (case_id, position)
    )`.execute(db);

  await sql`
    create table discharge_tasks (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null,
      case_id uuid not null references discharge_cases (id),
      title text not null check (length(title) between 1 and 300),
      owner_name text not null check (length(owner_name) between 1 and 100),
      due_on date,
      done boolean not null default false,
      done_at timestamptz,
      created_by uuid not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index discharge_tasks_case on discharge_tasks (case_id, created_at)`.execute(db);

  await sql`
    create table discharge_contacts (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null,
      case_id uuid not null references discharge_cases (id),
      kind text not null check (kind in (${list(CONTACT_KINDS)})),
      with_whom text not null check (length(with_whom) between 1 and 200),
      at timestamptz not null,
      outcome text not null check (length(outcome) between 1 and 2000),
      recorded_by uuid not null,
      recorded_by_label text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index discharge_contacts_case on discharge_contacts (case_id, at desc)`.execute(db);

  await sql`
    create table provider_changes (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      patient_id uuid not null references patients (id),
      case_id uuid references discharge_cases (id),
      role text not null check (role in (${list(CHANGE_ROLES)})),
      -- the role the new provider takes: the same, or 訪問診療医 taking over from the かかりつけ医
      to_role text not null check (to_role in (${list(CHANGE_ROLES)})),
      -- the incumbent at the proposal: the membership it would end, and whom to notify
      from_membership_id uuid,
      from_facility_id uuid,
      from_organisation_id uuid,
      from_label text,
      to_facility_id uuid,
      to_organisation_id uuid,
      to_label text not null check (length(to_label) between 1 and 200),
      reason text,
      status text not null default 'proposed' check (status in (${list(CHANGE_STATES)})),
      notified_at timestamptz,
      -- when the silence of the incumbent escalates (business days after notified_at)
      due_at timestamptz,
      escalated_at timestamptz,
      closed_at timestamptz,
      proposed_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'incumbent_notified') <= (due_at is not null))
    )`.execute(db);
  await sql`
    create unique index provider_changes_one_open on provider_changes (patient_id, role)
    where status in (${list(OPEN_CHANGE_STATES)})`.execute(db);
  await sql`create index provider_changes_due on provider_changes (due_at) where status = 'incumbent_notified'`.execute(
    db,
  );
  await sql`create index provider_changes_case on provider_changes (case_id)`.execute(db);

  // Explicit consent for this switch (research note F23: a switch is not plainly "needed for care").
  await sql`
    create table provider_change_consents (
      change_id uuid primary key references provider_changes (id),
      municipality_code char(6) not null,
      given_by text not null check (given_by in ('patient', 'representative')),
      representative_name text,
      given_at timestamptz not null,
      method text not null check (method in ('in_person', 'phone', 'document')),
      agreed text not null check (length(agreed) between 1 and 2000),
      offered_keep_current boolean not null,
      offered_shared_care boolean not null,
      document_ref text,
      recorded_by uuid not null,
      recorded_by_label text not null,
      recorded_at timestamptz not null,
      check (given_by = 'patient' or representative_name is not null),
      check (given_at <= recorded_at)
    )`.execute(db);

  await sql`
    create table provider_change_responses (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null,
      change_id uuid not null references provider_changes (id),
      answer text not null check (answer in ('agree', 'object')),
      reason text,
      responded_by uuid not null,
      responded_by_label text not null,
      responded_at timestamptz not null,
      check (answer = 'agree' or reason is not null)
    )`.execute(db);
  await sql`create index provider_change_responses_change on provider_change_responses (change_id, responded_at)`.execute(
    db,
  );

  await sql`
    create table provider_change_overrides (
      change_id uuid primary key references provider_changes (id),
      municipality_code char(6) not null,
      reason_code text not null check (reason_code in (${list(OVERRIDE_REASONS)})),
      reason_note text,
      requested_by uuid not null,
      second_user_id uuid not null,
      created_at timestamptz not null,
      check (requested_by <> second_user_id)
    )`.execute(db);

  await sql`
    create table case_notices (
      id uuid primary key default gen_random_uuid(),
      municipality_code char(6) not null references municipalities (code),
      kind text not null check (kind in (${list(NOTICE_KINDS)})),
      patient_id uuid not null references patients (id),
      case_id uuid references discharge_cases (id),
      provider_change_id uuid references provider_changes (id),
      recipient_organisation_id uuid,
      recipient_user_id uuid,
      -- a member with no account (a clinic not yet on Zaitaku): reached by FAX or phone
      recipient_facility_id uuid,
      recipient_label text not null,
      channel text not null default 'inbox' check (channel in (${list(NOTICE_CHANNELS)})),
      status text not null default 'queued' check (status in (${list(NOTICE_STATES)})),
      due_at timestamptz,
      sent_at timestamptz,
      read_at timestamptz,
      acknowledged_at timestamptz,
      acknowledged_by uuid,
      escalated_at timestamptz,
      created_at timestamptz not null default now(),
      check (coalesce(recipient_organisation_id, recipient_user_id, recipient_facility_id) is not null)
    )`.execute(db);
  // Never sent twice: one notice of a kind per recipient and subject.
  await sql`
    create unique index case_notices_once on case_notices
      (kind, coalesce(provider_change_id, case_id), coalesce(recipient_organisation_id, recipient_user_id, recipient_facility_id))`.execute(
    db,
  );
  await sql`create index case_notices_recipient on case_notices (recipient_organisation_id, status, created_at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table case_notices, provider_change_overrides, provider_change_responses, provider_change_consents,
      provider_changes, discharge_contacts, discharge_tasks, discharge_case_items, discharge_cases,
      discharge_checklist_templates, discharge_settings`.execute(db);
}
