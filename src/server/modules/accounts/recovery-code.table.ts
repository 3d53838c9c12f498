import type { ColumnType, Generated } from 'kysely';

/** One-time codes for when the authenticator app is lost; shown once, stored hashed. */
export interface RecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  /** SHA-256 (hex) of the normalised code: codes carry 50 random bits, so a fast hash suffices. */
  code_hash: string;
  used_at: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../platform/db/schema' {
  interface Database {
    recovery_codes: RecoveryCodeTable;
  }
}
