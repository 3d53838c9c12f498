import type { ColumnType, Generated } from 'kysely';
import type { CapacitySignal } from '../../../contracts/directory-core';
import type { ReferralRole, ReferralStatus } from '../../../contracts/referrals';

/** A referral of a patient to one recipient (issue 14 item 6); one row per recipient. */
export interface ReferralTable {
  id: Generated<string>;
  municipality_code: string;
  patient_id: string;
  case_id: string | null;
  /** The provider change it serves: it cannot be sent before that change's consent. */
  provider_change_id: string | null;
  /** The circle role the recipient would take. */
  role: ReferralRole;
  /** The directory facility referred to (null for an association's desk). */
  recipient_facility_id: string | null;
  /** The organisation whose users answer: the facility's, or the association's; null = no accounts (FAX, phone). */
  recipient_organisation_id: string | null;
  recipient_label: string;
  /** To an association's desk (かかりつけ歯科医紹介制度), which names the provider. */
  via_association: Generated<boolean>;
  /** The provider the association named (completes the referral). */
  named_facility_id: string | null;
  named_label: string | null;
  status: Generated<ReferralStatus>;
  /** Why it was declined, cancelled or failed; `role_filled` when the system closed it. */
  reason: string | null;
  note: string | null;
  /** The recipient's capacity signal as the sender saw it when sending. */
  capacity_signal: CapacitySignal | null;
  capacity_set_at: Date | null;
  /** The patient's agreement when no provider change (and so no consent of one) covers the referral. */
  agreement_given_by: 'patient' | 'representative' | null;
  agreement_method: 'in_person' | 'phone' | 'document' | null;
  agreement_given_at: Date | null;
  agreement_note: string | null;
  /** The case's task "wait for this recipient's answer" (one per recipient), done when answered or closed. */
  task_id: string | null;
  /** The sender's coordinating organisation (its users get the answer). */
  sender_organisation_id: string | null;
  sender_label: string;
  created_by: string;
  sent_at: Date | null;
  received_at: Date | null;
  /** When the recipient accepted, declined or named the provider. */
  answered_at: Date | null;
  answered_by: string | null;
  closed_at: Date | null;
  /** The incoming list's keyset sort: timestamptz(3), to the millisecond the cursor carries. */
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

declare module '../../platform/db/schema' {
  interface Database {
    referrals: ReferralTable;
  }
}
