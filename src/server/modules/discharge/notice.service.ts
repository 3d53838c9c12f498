import type { Insertable, Transaction } from 'kysely';
import type { CircleMember } from '../../../contracts/patients';
import type { Database } from '../../platform/db/schema';
import { insertNotices, type NoticeRow } from './case-notice.queries';
import type { CaseNoticeTable } from './case-notice.table';

/** The roles told at admission, not at the switch (issue 14 item 4). */
export const TOLD_AT_ADMISSION = [
  'family_doctor',
  'family_dentist',
  'family_pharmacy',
  'care_manager',
] as const;

type NoticeDraft = Omit<
  Insertable<CaseNoticeTable>,
  'recipient_organisation_id' | 'recipient_facility_id' | 'recipient_label' | 'channel'
>;

/** A notice to one circle member: its organisation's inbox, or FAX for a member without an account. */
export function noticeFor(member: CircleMember, draft: NoticeDraft): Insertable<CaseNoticeTable> {
  return {
    ...draft,
    recipient_organisation_id: member.organisationId,
    recipient_facility_id: member.organisationId ? null : member.facilityId,
    recipient_label: member.organisationName ?? member.facilityName ?? member.personName ?? '—',
    channel: member.organisationId ? 'inbox' : 'fax',
  };
}

/**
 * Records notices and hands each to delivery; a notice already recorded for the same subject and
 * recipient is not recorded again (never sent twice).
 */
export async function sendNotices(
  trx: Transaction<Database>,
  rows: Insertable<CaseNoticeTable>[],
): Promise<NoticeRow[]> {
  const inserted = await insertNotices(
    trx,
    rows.filter((r) => r.recipient_organisation_id || r.recipient_user_id || r.recipient_facility_id),
  );
  for (const notice of inserted) await deliverNotice(trx, notice);
  return inserted;
}

/**
 * The seam to the platform inbox and mail fan-out, which another branch is building: today a
 * notice only waits as `queued` (the recipient sees it in the pending list of this module); the
 * inbox will send it (in-app, e-mail, then FAX sheet and the 包括's phone task) and move it on
 * through sent → delivered → read.
 */
export async function deliverNotice(_trx: Transaction<Database>, notice: NoticeRow): Promise<void> {
  void notice;
}
