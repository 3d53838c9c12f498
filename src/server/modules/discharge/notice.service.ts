import type { Insertable, Transaction } from 'kysely';
import type { CircleMember } from '../../../contracts/patients';
import type { Database } from '../../platform/db/schema';
import { settleInboxRecord } from '../../platform/inbox/inbox-progress';
import { publishNotice } from '../../platform/inbox/publish-notice';
import { currentCircle, usersOfOrganisations } from '../patients';
import { insertNotices, type NoticeRow, updateNotice } from './case-notice.queries';
import type { CaseNoticeTable } from './case-notice.table';
import { findNoticeSubject, findRecipientFacility } from './notice-delivery.queries';
import { noticeWorkflow } from './notice-status';

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

/** The record type of a discharge notice in the platform inbox (its hook: notice-progress.ts). */
export const NOTICE_RECORD = 'discharge.notice';
/** The 包括's task to phone a recipient who has neither an account nor a FAX number. */
export const PHONE_TASK_RECORD = 'discharge.phone_task';
/** Where a recipient answers (the inbox shows the same buttons). */
export const NOTICE_LINK = '/staff/discharge/notices';

const KIND_TITLE: Record<NoticeRow['kind'], string> = {
  admission: '入院のお知らせ（退院支援が始まりました） / Admission notice',
  provider_change:
    '担当変更の提案：同意か異議かを回答してください / Proposed change of provider: please answer',
  escalation: '期限までに回答がありません（エスカレーション） / No answer in time (escalated)',
};

/**
 * Hands a recorded notice to its channel, derived from the directory entry (it has no preference
 * field): an organisation with users who may see patients → their inbox and mail; else a FAX
 * number → the FAX sheet, printed by the sender (the notice waits as queued until then); else the
 * patient's 包括 gets a task to phone it. The channel chosen is recorded on the notice.
 */
export async function deliverNotice(trx: Transaction<Database>, notice: NoticeRow): Promise<void> {
  const subject = await findNoticeSubject(trx, notice.id);
  const users = notice.recipient_organisation_id
    ? await usersOfOrganisations(trx, [notice.recipient_organisation_id])
    : [];
  if (users.length > 0) {
    await updateNotice(trx, notice.id, { channel: 'inbox' });
    await publishNotice(trx, {
      municipalityCode: notice.municipality_code,
      kind: `discharge.${notice.kind}`,
      recipientUserIds: users.map((u) => u.user_id),
      title: KIND_TITLE[notice.kind],
      body: noticeBody(notice, subject),
      link: NOTICE_LINK,
      recordType: NOTICE_RECORD,
      recordId: notice.id,
      patientId: notice.patient_id,
      requiresAck: notice.kind !== 'escalation',
    });
    return;
  }
  const facility = await findRecipientFacility(trx, notice);
  if (facility?.fax) {
    await updateNotice(trx, notice.id, { channel: 'fax' });
    return;
  }
  await updateNotice(trx, notice.id, { channel: 'phone' });
  const centres = (await currentCircle(trx, notice.municipality_code, notice.patient_id)).filter(
    (m) => m.role === 'support_center' && m.organisationId,
  );
  const centreUsers = await usersOfOrganisations(
    trx,
    centres.map((m) => m.organisationId as string),
  );
  await publishNotice(trx, {
    municipalityCode: notice.municipality_code,
    kind: 'discharge.phone_task',
    recipientUserIds: centreUsers.map((u) => u.user_id),
    title: `電話で伝えてください：${notice.recipient_label} / Please phone: ${notice.recipient_label}`,
    body: [
      `${notice.recipient_label} は Zaitaku のアカウントも FAX 番号もありません。電話でこのお知らせを伝え、伝えたら「電話しました」を押してください。`,
      `電話番号 / Phone: ${facility?.phone ?? '（ディレクトリに登録がありません。施設に確認してください）'}`,
      '',
      noticeBody(notice, subject),
    ].join('\n'),
    link: NOTICE_LINK,
    recordType: PHONE_TASK_RECORD,
    recordId: notice.id,
    patientId: notice.patient_id,
    requiresAck: true,
  });
}

/**
 * The recipient answered by this module's own route (or the FAX sheet's link): the notice is
 * acknowledged and its inbox rows too, in the caller's transaction, so the inbox never asks again.
 * Throws notice.invalid_transition for a notice answered already.
 */
export async function markNoticeAcknowledged(
  trx: Transaction<Database>,
  notice: NoticeRow,
  userId: string | null,
  now: Date,
): Promise<void> {
  const status = noticeWorkflow.next(notice.status, 'acknowledge');
  await updateNotice(trx, notice.id, {
    status,
    read_at: notice.read_at ?? now,
    acknowledged_at: now,
    acknowledged_by: userId,
  });
  await settleInboxRecord(trx, NOTICE_RECORD, notice.id, now);
}

/** The in-app text (never mailed: the notice is about a patient, so the mail says only "a notice"). */
function noticeBody(notice: NoticeRow, subject: Awaited<ReturnType<typeof findNoticeSubject>>): string {
  const lines = [
    `患者 / Patient: ${subject.patient_name}`,
    `病院 / Hospital: ${subject.hospital_name ?? '—'}`,
  ];
  if (subject.role) lines.push(`変更する役割 / Role: ${subject.role} → ${subject.to_label ?? '—'}`);
  if (notice.due_at) {
    const due = notice.due_at.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' });
    lines.push(`回答期限 / Answer by: ${due}（過ぎると包括と病院の連携室に知らせます）`);
  }
  return lines.join('\n');
}
