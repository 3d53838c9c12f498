import type { ColumnType, Generated } from 'kysely';
import type { AccessAction, AccessBasis } from '../../../contracts/patients';

/**
 * One read, write or export of patient data (MHLW guideline 6.0). Append-only (triggers refuse
 * UPDATE, DELETE, TRUNCATE); no hash chain per row, so reads never wait on the audit chain's lock.
 * Seals in the audit log cover the rows in id order (access-log.seal.ts).
 */
export interface AccessLogTable {
  id: Generated<number>;
  occurred_at: ColumnType<Date, Date, never>;
  municipality_code: string | null;
  actor_user_id: string | null;
  /** Email at the time: users may be renamed later. */
  actor_label: string | null;
  patient_id: string | null;
  /** What was touched: `patient`, `care_circle`, `discharge_case`, … */
  record_type: string;
  record_id: string | null;
  action: AccessAction;
  /** Why the caller could reach the patient; null for rows not tied to a patient. */
  basis: AccessBasis | null;
  request_id: string | null;
  client_ip: string | null;
}

declare module '../db/schema' {
  interface Database {
    access_log: AccessLogTable;
  }
}
