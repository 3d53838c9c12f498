import type { ColumnType, Generated } from 'kysely';
import type { CareRole } from '../../../contracts/patients';

/**
 * One dated membership of a patient's circle of care. History is kept: a change ends the current
 * row (valid_to) and starts a new one; rows are never overwritten or deleted.
 */
export interface CareCircleMembershipTable {
  id: Generated<string>;
  municipality_code: string;
  patient_id: string;
  role: CareRole;
  /** Directory facility (facilities.id); no FK, the directory owns it. Null for a family member. */
  facility_id: string | null;
  /** Accounts organisation whose staff act for the member (found through organisations.facility_id). */
  organisation_id: string | null;
  /** A named doctor, care manager, or the key person / family member. */
  person_name: string | null;
  valid_from: Date;
  /** Null while current. */
  valid_to: Date | null;
  start_reason: string | null;
  end_reason: string | null;
  created_by: string | null;
  ended_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../platform/db/schema' {
  interface Database {
    care_circle_memberships: CareCircleMembershipTable;
  }
}
