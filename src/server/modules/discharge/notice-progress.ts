import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { type InboxProgressEvent, settleInboxRecord } from '../../platform/inbox/inbox-progress';
import { findNoticeCaseId, findUserLabel, type NoticeRow, updateNotice } from './case-notice.queries';
import { insertContact } from './discharge-case.queries';
import { NOTICE_RECORD, PHONE_TASK_RECORD } from './notice.service';
import { noticeWorkflow } from './notice-status';

/**
 * A case notice follows its inbox rows: written → sent, the mail server took a mail → delivered,
 * a recipient opened it → read, acknowledged from the inbox → acknowledged. A step the notice is
 * already past (a read notice whose mail arrives late) changes nothing: the record keeps the
 * furthest step. Runs in the inbox's transaction (see platform/inbox/inbox-progress.ts).
 */
export async function onNoticeProgress(trx: Transaction<Database>, event: InboxProgressEvent): Promise<void> {
  const notice = await findNoticeById(trx, event.recordId);
  if (!notice) return;
  const { progress, at } = event;
  if (progress === 'sent' && notice.status === 'acknowledged') {
    // answered before the fan-out ran (in the app, or by a colleague): the new rows ask nothing
    await settleInboxRecord(trx, NOTICE_RECORD, notice.id, at);
  } else if (progress === 'sent' && notice.status === 'queued') {
    await updateNotice(trx, notice.id, { status: noticeWorkflow.next(notice.status, 'send'), sent_at: at });
  } else if (progress === 'delivered' && notice.status === 'sent') {
    await updateNotice(trx, notice.id, {
      status: noticeWorkflow.next(notice.status, 'deliver'),
      delivered_at: at,
    });
  } else if (progress === 'read' && (notice.status === 'sent' || notice.status === 'delivered')) {
    await updateNotice(trx, notice.id, { status: noticeWorkflow.next(notice.status, 'read'), read_at: at });
  } else if (progress === 'acknowledged') {
    // A proposed change needs the incumbent's answer, which the inbox's plain button cannot give.
    if (notice.kind === 'provider_change') throw new AppError('notice.answer_required');
    if (notice.status === 'acknowledged') return;
    await updateNotice(trx, notice.id, {
      status: noticeWorkflow.next(notice.status, 'acknowledge'),
      read_at: notice.read_at ?? at,
      acknowledged_at: at,
      acknowledged_by: event.userId,
    });
    // one answer for the organisation: the colleagues' rows are settled too
    await settleInboxRecord(trx, NOTICE_RECORD, notice.id, at);
  }
}

/**
 * The 包括 pressed 「電話しました」 on its phone task (acknowledged it in the inbox): the notice was
 * told by phone, so it is sent and delivered; the incumbent's answer, if any, comes by the FAX
 * sheet's link or the escalation covers the silence. The call is a contact like any other: it goes
 * on the case's timeline (phone, who called whom, when, what was told).
 */
export async function onPhoneTaskProgress(
  trx: Transaction<Database>,
  event: InboxProgressEvent,
): Promise<void> {
  if (event.progress !== 'acknowledged') return;
  const notice = await findNoticeById(trx, event.recordId);
  if (notice?.status !== 'queued') return;
  const sent = noticeWorkflow.next(notice.status, 'send');
  await updateNotice(trx, notice.id, {
    status: noticeWorkflow.next(sent, 'deliver'),
    sent_at: event.at,
    delivered_at: event.at,
  });
  await addPhoneCallToTimeline(trx, notice, event);
  await settleInboxRecord(trx, PHONE_TASK_RECORD, notice.id, event.at);
}

const TOLD: Record<NoticeRow['kind'], string> = {
  admission: '入院と退院支援の開始を電話で伝えました / Told by phone of the admission and discharge planning',
  provider_change:
    '担当変更の提案を電話で伝え、FAX のリンクか電話での回答をお願いしました / Told by phone of the proposed change; asked for an answer',
  escalation: '回答期限が過ぎたことを電話で伝えました / Told by phone that the answer is overdue',
};

async function addPhoneCallToTimeline(
  trx: Transaction<Database>,
  notice: NoticeRow,
  event: InboxProgressEvent,
) {
  const caseId = await findNoticeCaseId(trx, notice);
  if (!caseId) return;
  await insertContact(trx, {
    municipality_code: notice.municipality_code,
    case_id: caseId,
    kind: 'phone',
    with_whom: notice.recipient_label,
    at: event.at,
    outcome: TOLD[notice.kind],
    recorded_by: event.userId,
    recorded_by_label: await findUserLabel(trx, event.userId),
  });
}

function findNoticeById(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('case_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
