import type { Generated } from 'kysely';
import type { Role } from '../../../contracts/roles';

/** A ward admin's invitation by email: valid 7 days, one use. */
export interface InvitationTable {
  id: Generated<string>;
  municipality_code: string;
  /** SHA-256 (hex) of the token in the mailed link. */
  token_hash: string;
  email: string;
  organisation_id: string;
  role: Role;
  invited_by: string | null;
  /** The inviter's email at the time (kept if the inviter is later renamed). */
  invited_by_label: string | null;
  /** The outbox row carrying the link. */
  mail_id: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_user_id: string | null;
  revoked_at: Date | null;
}

declare module '../../platform/db/schema' {
  interface Database {
    invitations: InvitationTable;
  }
}
