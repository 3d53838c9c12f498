import type { ColumnType, Generated } from 'kysely';
import type { NoticeChannel, NoticeKind, NoticeStatus } from '../../../contracts/discharge';

/**
 * A notice of this module to one recipient, with its delivery state: `deliverNotice` hands it to
 * the platform inbox (or the FAX sheet, or the 包括's phone task) and the inbox reports back.
 */
export interface CaseNoticeTable {
  id: Generated<string>;
  municipality_code: string;
  kind: NoticeKind;
  patient_id: string;
  case_id: string | null;
  provider_change_id: string | null;
  /** The recipient organisation (its members see the notice); null for a notice to one user. */
  recipient_organisation_id: string | null;
  recipient_user_id: string | null;
  /** A member without an account: the notice goes by FAX (masked name) or a phone task. */
  recipient_facility_id: string | null;
  /** The recipient as shown (the facility's name at the time). */
  recipient_label: string;
  channel: Generated<NoticeChannel>;
  status: Generated<NoticeStatus>;
  /** When silence escalates (provider-change notices only). */
  due_at: Date | null;
  sent_at: Date | null;
  /** When a mail carrying it was accepted by the mail server (or the 包括 told it by phone). */
  delivered_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  read_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  escalated_at: Date | null;
  /** The pending list's keyset sort: timestamptz(3), to the millisecond the cursor carries. */
  created_at: ColumnType<Date, Date | undefined, never>;
}

declare module '../../platform/db/schema' {
  interface Database {
    case_notices: CaseNoticeTable;
  }
}
