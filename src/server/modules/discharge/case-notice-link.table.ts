import type { ColumnType, Generated } from 'kysely';

/** A FAX sheet's one-time link to answer a notice without an account. */
export interface CaseNoticeLinkTable {
  id: Generated<string>;
  municipality_code: string;
  notice_id: string;
  /** SHA-256 of the token: the link itself is printed once and never stored. */
  token_hash: string;
  expires_at: Date;
  /** Set when the link was answered (single use), or when a newer sheet replaced it. */
  used_at: Date | null;
  /** Who printed the sheet. */
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../platform/db/schema' {
  interface Database {
    case_notice_links: CaseNoticeLinkTable;
  }
}
