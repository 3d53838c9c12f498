import type { Generated } from 'kysely';

/** A server-side session. The cookie holds a random token; only its SHA-256 is stored. */
export interface SessionTable {
  id: Generated<string>;
  user_id: string;
  /** SHA-256 (hex) of the cookie token; replaced when the session is rotated after two-factor. */
  token_hash: string;
  /** Sent back by the web in `x-csrf-token` on every state-changing request. */
  csrf_token: string;
  /** True once the user entered a TOTP or recovery code in this session. */
  two_factor_verified: boolean;
  /** Secret offered during enrolment, until the first code confirms it. */
  pending_totp_secret: string | null;
  client_ip: string | null;
  /** User-Agent at sign-in (≤ 300 printable characters): its family is shown in the session list. */
  user_agent: string | null;
  /** SHA-256 of the device cookie at sign-in; recorded as a known device once two-factor passes. */
  device_hash: string | null;
  /** Start of the absolute lifetime (SESSION_ABSOLUTE_MINUTES). */
  created_at: Date;
  /** Start of the idle lifetime (SESSION_IDLE_MINUTES); refreshed at most every 30 s. */
  last_seen_at: Date;
}

declare module '../../platform/db/schema' {
  interface Database {
    sessions: SessionTable;
  }
}
