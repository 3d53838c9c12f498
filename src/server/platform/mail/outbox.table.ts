import type { ColumnType, Generated } from 'kysely';

/** A mail waiting to be sent, sent, or given up on. Nothing is lost while SMTP is down. */
export interface MailOutboxTable {
  id: Generated<string>;
  municipality_code: string | null;
  /** What the mail is for: `invitation`, `password_reset`, `facility_reminder`, … */
  kind: string;
  to_address: string;
  subject: string;
  /** The text; a reset or invitation link stands as `{{secret_link}}` (SECRET_LINK_PLACEHOLDER). */
  body_text: string;
  /**
   * The link itself, put into the text only when sending and set to null once sent, so the ward
   * admin's outbox view and later backups never hold a live link (decision 030).
   */
  secret_link: string | null;
  status: ColumnType<'pending' | 'sent' | 'failed', 'pending' | 'sent' | 'failed' | undefined>;
  attempts: ColumnType<number, number | undefined>;
  next_attempt_at: ColumnType<Date, Date | undefined>;
  last_error: string | null;
  /** Claimed by a sender until then (another server instance skips it; a dead sender's claim ends). */
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date | undefined, never>;
  sent_at: Date | null;
}

declare module '../db/schema' {
  interface Database {
    mail_outbox: MailOutboxTable;
  }
}
