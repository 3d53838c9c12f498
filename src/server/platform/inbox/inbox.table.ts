import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** What domain code published in its own transaction; the `inbox.fan_out` job turns it into rows. */
export interface NoticeEventTable {
  id: Generated<string>;
  municipality_code: string;
  /** `<module>.<event>`, e.g. `directory.change_request.rejected`. */
  kind: string;
  recipient_user_ids: ColumnType<string[], string[], string[]>;
  title: string;
  /** The notice's text (a rejection's reason included). Never mailed when patient_id is set. */
  body: string;
  /** A path inside the app, starting with `/`. */
  link: string | null;
  record_type: string | null;
  record_id: string | null;
  /** Set when the notice is about a patient: then the mail says only "you have a new notice". */
  patient_id: string | null;
  send_mail: boolean;
  requires_ack: boolean;
  created_at: Generated<Date>;
  /** When the fan-out wrote the inbox rows and mails (null: not yet). */
  processed_at: Timestamp | null;
}

/** One notice for one user: what `GET /api/inbox` lists. */
export interface InboxNoticeTable {
  id: Generated<string>;
  event_id: string;
  municipality_code: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  record_type: string | null;
  record_id: string | null;
  patient_id: string | null;
  requires_ack: boolean;
  created_at: ColumnType<Date, Date | undefined, never>;
  read_at: Timestamp | null;
  /** Only for notices that require acknowledgment (a CHECK constraint holds this). */
  acknowledged_at: Timestamp | null;
  /** The outbox mail that told this user (null: no mail). */
  mail_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the mail server accepted that mail. */
  delivered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

declare module '../db/schema' {
  interface Database {
    notice_events: NoticeEventTable;
    inbox_notices: InboxNoticeTable;
  }
}
