import type { Transaction } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { enqueueMail } from '../mail/outbox.service';
import type { JobHandler } from '../module';
import { reportInboxProgress } from './inbox-progress';
import { FAN_OUT_JOB } from './publish-notice';
import './inbox.table';
import './inbox-delivery';

/** Where a notice without its own link points: the recipient's inbox. */
export const INBOX_PATH = '/staff/inbox';

/**
 * Turns one published event into an inbox row and (when asked) one outbox mail per recipient.
 * Runs in the job's transaction, so the rows, the mails and "processed" commit together, once.
 * Recipients are kept to active users of the event's municipality (a notice never crosses tenants).
 */
export async function fanOutNotice(
  trx: Transaction<Database>,
  eventId: string,
  config: Pick<Config, 'BASE_URL'>,
  now: Date,
): Promise<{ notices: number; mails: number }> {
  const event = await trx
    .selectFrom('notice_events')
    .selectAll()
    .where('id', '=', eventId)
    .where('processed_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!event) return { notices: 0, mails: 0 };
  const recipients = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', 'in', event.recipient_user_ids)
    .where('municipality_code', '=', event.municipality_code)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  let mails = 0;
  let firstWritten: string | undefined;
  for (const user of recipients) {
    const inserted = await trx
      .insertInto('inbox_notices')
      .values({
        event_id: event.id,
        municipality_code: event.municipality_code,
        user_id: user.id,
        kind: event.kind,
        title: event.title,
        body: event.body,
        link: event.link,
        record_type: event.record_type,
        record_id: event.record_id,
        patient_id: event.patient_id,
        requires_ack: event.requires_ack,
        // Millisecond time from the job's clock: the inbox's keyset cursor round-trips it exactly.
        created_at: now,
        read_at: null,
        acknowledged_at: null,
      })
      .onConflict((oc) => oc.constraint('inbox_notices_once_per_user').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    firstWritten ??= user.id;
    if (!event.send_mail) continue;
    const mailId = await enqueueMail(trx, {
      kind: `notice.${event.kind}`,
      to: user.email,
      municipalityCode: event.municipality_code,
      ...noticeMail(event, config.BASE_URL),
    });
    await trx.updateTable('inbox_notices').set({ mail_id: mailId }).where('id', '=', inserted.id).execute();
    mails++;
  }
  await trx.updateTable('notice_events').set({ processed_at: now }).where('id', '=', event.id).execute();
  if (firstWritten) await reportInboxProgress(trx, { ...event, user_id: firstWritten }, 'sent', now);
  return { notices: recipients.length, mails };
}

/**
 * The mail of a notice: its title and a link to sign in and read it. A mail leaves our control,
 * so a notice about a patient never puts its title or text in it (3省2ガイドライン: no clinical
 * content over ordinary e-mail), only that there is a notice.
 */
export function noticeMail(
  event: { title: string; link: string | null; patient_id: string | null },
  baseUrl: string | undefined,
): { subject: string; text: string } {
  const link = `${(baseUrl ?? '').replace(/\/$/, '')}${event.link ?? INBOX_PATH}`;
  if (event.patient_id) {
    return {
      subject: '【Zaitaku】新しいお知らせがあります / You have a new notice',
      text: [
        'Zaitaku に新しいお知らせが届きました。内容は、次のリンクからログインして確認してください。',
        link,
        '',
        '---',
        'You have a new notice in Zaitaku. Sign in with the link above to read it.',
      ].join('\n'),
    };
  }
  return {
    subject: `【Zaitaku】${event.title}`,
    text: [
      event.title,
      '',
      '詳しい内容は、次のリンクからログインして確認してください。',
      link,
      '',
      '---',
      'Sign in with the link above to read the whole notice.',
    ].join('\n'),
  };
}

/** The platform's own jobs: the fan-out of published notices. */
export const inboxJobs: Record<string, JobHandler> = {
  [FAN_OUT_JOB]: {
    async run(job, deps) {
      const { eventId } = job.payload as { eventId: string };
      await fanOutNotice(job.trx, eventId, deps.config, job.now);
    },
  },
};
