import type { ColumnType, Generated } from 'kysely';

/** A ward admin's request to reset someone's two-factor; a different ward admin approves it. */
export interface TwoFactorResetRequestTable {
  id: Generated<string>;
  municipality_code: string;
  /** Whose two-factor is to be reset. */
  user_id: string;
  requested_by: string;
  /** The requester's email at the time, shown to the approver and mailed to the person. */
  requested_by_label: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  /** An unapproved request lapses after a day (the next call starts a new one). */
  expires_at: Date;
  /** The second admin; null while open, or when it lapsed. CHECK: never the requester. */
  approved_by: string | null;
  /** Set when approved or replaced after it lapsed; at most one open request per user. */
  closed_at: Date | null;
}

declare module '../../platform/db/schema' {
  interface Database {
    two_factor_reset_requests: TwoFactorResetRequestTable;
  }
}
