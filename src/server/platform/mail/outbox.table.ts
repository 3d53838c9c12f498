import type { ColumnType, Generated } from 'kysely';

/** A mail waiting to be sent, sent, or given up on. Nothing is lost while SMTP is down. */
export interface MailOutboxTable {
  id: Generated<string>;
  municipality_code: string | null;
  /** What the mail is for: `invitation`, `password_reset`, `facility_reminder`, … */
  kind: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: ColumnType<'pending' | 'sent' | 'failed', 'pending' | 'sent' | 'failed' | undefined>;
  attempts: ColumnType<number, number | undefined>;
  next_attempt_at: ColumnType<Date, Date | undefined>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  sent_at: Date | null;
}

declare module '../db/schema' {
  interface Database {
    mail_outbox: MailOutboxTable;
  }
}
