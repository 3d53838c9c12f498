import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { type InboxProgressEvent, settleInboxRecord } from '../../platform/inbox/inbox-progress';
import { updateNotice } from './case-notice.queries';
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
 * sheet's link or the escalation covers the silence.
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
  await settleInboxRecord(trx, PHONE_TASK_RECORD, notice.id, event.at);
}

function findNoticeById(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('case_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}
