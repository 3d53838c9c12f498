import type { ColumnType, Generated } from 'kysely';
import type { ChangeableRole, OverrideReason, ProviderChangeStatus } from '../../../contracts/discharge';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** A proposed switch of one role in a patient's circle, behind the continuity gate. */
export interface ProviderChangeTable {
  id: Generated<string>;
  municipality_code: string;
  patient_id: string;
  case_id: string | null;
  /** The role whose current holder is asked (the incumbent's role). */
  role: ChangeableRole;
  /** The role the new provider takes: the same, or home_visit_doctor taking over from family_doctor. */
  to_role: ChangeableRole;
  /** The incumbent's membership at the proposal (ended on confirmation); null when nobody held the role. */
  from_membership_id: string | null;
  from_facility_id: string | null;
  /** The incumbent's organisation: its users receive the notice and answer it. */
  from_organisation_id: string | null;
  from_label: string | null;
  to_facility_id: string | null;
  to_organisation_id: string | null;
  to_label: string;
  reason: string | null;
  status: Generated<ProviderChangeStatus>;
  notified_at: Date | null;
  /** notified_at plus the municipality's business days: the escalation sweep's deadline. */
  due_at: Date | null;
  escalated_at: Date | null;
  closed_at: Date | null;
  proposed_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** The explicit consent for one switch: who, when, how, what, and that the alternatives were offered. */
export interface ProviderChangeConsentTable {
  change_id: string;
  municipality_code: string;
  given_by: 'patient' | 'representative';
  representative_name: string | null;
  given_at: Date;
  method: 'in_person' | 'phone' | 'document';
  agreed: string;
  offered_keep_current: boolean;
  offered_shared_care: boolean;
  /** Where the signed form is kept (a file number, a scan's reference). */
  document_ref: string | null;
  recorded_by: string;
  recorded_by_label: string;
  recorded_at: Date;
}

/** The incumbent's answer (agree, or object with a reason); a late answer after escalation is kept. */
export interface ProviderChangeResponseTable {
  id: Generated<string>;
  municipality_code: string;
  change_id: string;
  answer: 'agree' | 'object';
  reason: string | null;
  responded_by: string;
  responded_by_label: string;
  responded_at: Date;
}

/** A confirmation past the gate: the reason code and the second user (counted for the council). */
export interface ProviderChangeOverrideTable {
  change_id: string;
  municipality_code: string;
  reason_code: OverrideReason;
  reason_note: string | null;
  requested_by: string;
  second_user_id: string;
  created_at: Date;
}

declare module '../../platform/db/schema' {
  interface Database {
    provider_changes: ProviderChangeTable;
    provider_change_consents: ProviderChangeConsentTable;
    provider_change_responses: ProviderChangeResponseTable;
    provider_change_overrides: ProviderChangeOverrideTable;
  }
}
