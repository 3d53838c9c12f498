import type { ColumnType, Generated } from 'kysely';
import type { ContactKind, DischargeCaseStatus } from '../../../contracts/discharge';

/** A calendar date (YYYY-MM-DD): both engines read dates back as text (platform/db/database.ts). */
type Day = string;
type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** The per-municipality rules of the gate. */
export interface DischargeSettingsTable {
  municipality_code: string;
  /** Business days an incumbent has to answer before the change escalates (issue 14: default 2). */
  escalation_business_days: Generated<number>;
}

/** The ward's discharge checklist; each case copies the active rows when it opens. */
export interface DischargeChecklistTemplateTable {
  id: Generated<string>;
  municipality_code: string;
  position: number;
  label: string;
  active: Generated<boolean>;
}

/** A discharge case (退院支援): one active case per patient at a time. */
export interface DischargeCaseTable {
  id: Generated<string>;
  municipality_code: string;
  patient_id: string;
  /** Directory facility of the hospital; null for a hospital outside the ward with no entry. */
  hospital_facility_id: string | null;
  /** Accounts organisation of the hospital (its liaison office receives escalations). */
  hospital_organisation_id: string | null;
  /** The hospital's name as shown (from the directory, or typed for a hospital outside the ward). */
  hospital_name: string;
  admitted_on: Day;
  expected_discharge_on: Day | null;
  status: Generated<DischargeCaseStatus>;
  note: string | null;
  opened_by: string;
  /** The organisation the opener acted for (their hospital or 包括 centre). */
  opened_by_organisation_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  /** When the case moved to `discharged`: the council counts discharges by it (figures.queries.ts). */
  discharged_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** One checklist line of a case. */
export interface DischargeCaseItemTable {
  id: Generated<string>;
  municipality_code: string;
  case_id: string;
  position: number;
  label: string;
  done: Generated<boolean>;
  note: string | null;
  done_by: string | null;
  done_at: Date | null;
}

/** A task of a case: who does what by when. */
export interface DischargeTaskTable {
  id: Generated<string>;
  municipality_code: string;
  case_id: string;
  title: string;
  /** A person's name (often outside the system: the family, a CM without an account). */
  owner_name: string;
  due_on: Day | null;
  done: Generated<boolean>;
  done_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
}

/** The timeline: each phone call, visit, FAX, message or video 退院時共同指導 and its outcome. */
export interface DischargeContactTable {
  id: Generated<string>;
  municipality_code: string;
  case_id: string;
  kind: ContactKind;
  with_whom: string;
  at: Date;
  outcome: string;
  recorded_by: string;
  recorded_by_label: string;
  created_at: CreatedAt;
}

declare module '../../platform/db/schema' {
  interface Database {
    discharge_settings: DischargeSettingsTable;
    discharge_checklist_templates: DischargeChecklistTemplateTable;
    discharge_cases: DischargeCaseTable;
    discharge_case_items: DischargeCaseItemTable;
    discharge_tasks: DischargeTaskTable;
    discharge_contacts: DischargeContactTable;
  }
}
