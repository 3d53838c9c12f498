import type { ColumnType, Generated } from 'kysely';

/** A person who signs in. Users are disabled, never deleted, so the audit trail keeps its subject. */
export interface UserTable {
  id: Generated<string>;
  /** Tenant: a user works for exactly one municipality. */
  municipality_code: string;
  /** Stored lower-cased; unique case-insensitively (index on lower(email)). */
  email: string;
  display_name: string;
  /** `scrypt$ln=…,r=…,p=…$salt$hash` (parameters kept so they can be raised later). */
  password_hash: string;
  /** Set for a one-time password from `zaitaku create-admin` until the user picks their own. */
  password_change_required: ColumnType<boolean, boolean | undefined>;
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined>;
  /** Base32 TOTP secret once two-factor is confirmed; null before enrolment. */
  totp_secret: string | null;
  totp_enrolled_at: Date | null;
  /** Last accepted TOTP time-step: a code of that step or earlier is refused (replay). */
  totp_last_step: number | null;
  /** Consecutive failed passwords; 5 locks the account for 15 minutes. */
  failed_attempts: ColumnType<number, number | undefined>;
  /**
   * Consecutive failed second-factor codes (TOTP or recovery). Only a correct code, a password
   * reset or an admin's "enable" resets it, never the password step; every fifth locks.
   */
  totp_failed_attempts: ColumnType<number, number | undefined>;
  locked_until: Date | null;
  last_login_at: Date | null;
  /** Demo accounts: published password and TOTP secret, `zaitaku demo-code` works for them only. */
  is_demo: ColumnType<boolean, boolean | undefined>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

declare module '../../platform/db/schema' {
  interface Database {
    users: UserTable;
  }
}
