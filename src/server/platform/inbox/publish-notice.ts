import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { scheduleJob } from '../jobs/schedule-job';
import './inbox.table';

/** The job kind that fans a published notice out into inbox rows and mails. */
export const FAN_OUT_JOB = 'inbox.fan_out';

export type Notice = {
  municipalityCode: string;
  /** `<module>.<event>`, e.g. `directory.change_request.rejected`. */
  kind: string;
  /** Users of this municipality; duplicates are dropped. An empty list publishes nothing. */
  recipientUserIds: string[];
  title: string;
  /** The notice's full text (a rejection's reason included). */
  body: string;
  /** A path inside the app, starting with `/`. */
  link?: string;
  recordType?: string;
  recordId?: string;
  /** About a patient: the mail then carries no title or text, only "a new notice" and the link. */
  patientId?: string;
  /** Also mail each recipient through the outbox (default true). */
  mail?: boolean;
  /** The recipient is asked to acknowledge it (POST /api/inbox/:id/acknowledge). */
  requiresAck?: boolean;
};

/**
 * Publishes a notice in the caller's transaction: an event row and its fan-out job commit with the
 * use case or not at all; the job then writes one inbox row and one mail per recipient, once.
 * Returns the event's id, or null when there was no recipient.
 */
export async function publishNotice(trx: Transaction<Database>, notice: Notice): Promise<string | null> {
  const recipients = [...new Set(notice.recipientUserIds)];
  if (recipients.length === 0) return null;
  const event = await trx
    .insertInto('notice_events')
    .values({
      municipality_code: notice.municipalityCode,
      kind: notice.kind,
      recipient_user_ids: recipients,
      title: notice.title,
      body: notice.body,
      link: notice.link ?? null,
      record_type: notice.recordType ?? null,
      record_id: notice.recordId ?? null,
      patient_id: notice.patientId ?? null,
      send_mail: notice.mail ?? true,
      requires_ack: notice.requiresAck ?? false,
      processed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await scheduleJob(trx, { kind: FAN_OUT_JOB, payload: { eventId: event.id }, key: event.id });
  return event.id;
}
