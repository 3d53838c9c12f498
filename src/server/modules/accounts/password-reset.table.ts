import type { Generated } from 'kysely';

/** A password-reset link: valid 1 hour, one use. Resetting never bypasses two-factor. */
export interface PasswordResetTable {
  id: Generated<string>;
  user_id: string;
  /** SHA-256 (hex) of the token in the mailed link. */
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

declare module '../../platform/db/schema' {
  interface Database {
    password_resets: PasswordResetTable;
  }
}
