import type { ColumnType, Generated } from 'kysely';
import type {
  ChangeRequestSource,
  ChangeRequestStatus,
  ErrorReportCategory,
} from '../../../contracts/directory';

type Json = ColumnType<unknown, string | null | undefined, string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type HistorySourceValue = 'editor' | 'admin' | 'import' | 'capacity' | 'confirm' | 'create';

/** Every applied change of a facility, field by field ({ field: { before, after } }). */
export interface FacilityHistoryTable {
  id: Generated<number>;
  municipality_code: string;
  facility_id: string;
  /** The facility version the change produced. */
  version: number;
  source: HistorySourceValue;
  change_request_id: string | null;
  changed_at: Generated<Date>;
  changed_by_user_id: string | null;
  /** Email or name at the time (users can be renamed later). */
  changed_by_label: string | null;
  changes: Json;
}

/** The review queue: editors' change requests and residents' error reports. */
export interface FacilityChangeRequestTable {
  id: Generated<string>;
  municipality_code: string;
  facility_id: string;
  source: ChangeRequestSource;
  status: Generated<ChangeRequestStatus>;
  /** Facility version the editor started from; approval refuses when it moved on. */
  base_version: number | null;
  /** Editor requests: a partial FacilityPatch. */
  changes: Json;
  note: string | null;
  report_category: ErrorReportCategory | null;
  /** Resident reports: their text (no name, no contact is asked for). */
  report_message: string | null;
  submitted_by_user_id: string | null;
  submitted_by_label: string | null;
  submitted_at: Generated<Date>;
  decided_by_user_id: string | null;
  decided_by_label: string | null;
  decided_at: Timestamp | null;
  /** Why it was rejected (required) or a note on approval. */
  reason: string | null;
}

/** One-click "still correct" links: only the SHA-256 of the token is kept. */
export interface FacilityConfirmTokenTable {
  token_hash: string;
  municipality_code: string;
  facility_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

declare module '../../platform/db/schema' {
  interface Database {
    facility_history: FacilityHistoryTable;
    facility_change_requests: FacilityChangeRequestTable;
    facility_confirm_tokens: FacilityConfirmTokenTable;
  }
}
