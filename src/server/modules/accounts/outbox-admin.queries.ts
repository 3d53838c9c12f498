import type { Selectable } from 'kysely';
import { keysetPage, type TimePosition } from '../../platform/db/pagination';
import type { Executor } from '../../platform/db/schema';
import type { MailOutboxTable } from '../../platform/mail/outbox.table';
import '../../platform/mail/outbox.table';

export type OutboxListRow = Pick<
  Selectable<MailOutboxTable>,
  | 'id'
  | 'kind'
  | 'to_address'
  | 'subject'
  | 'status'
  | 'attempts'
  | 'next_attempt_at'
  | 'last_error'
  | 'created_at'
  | 'sent_at'
>;

/** The municipality's mails matching the filter, newest first, strictly after `after`; `limit` rows at most. */
export async function listOutboxRows(
  db: Executor,
  municipalityCode: string,
  filter: { status?: OutboxListRow['status']; kind?: string },
  page: { after?: TimePosition; limit: number },
): Promise<OutboxListRow[]> {
  return db
    .selectFrom('mail_outbox')
    .select([
      'id',
      'kind',
      'to_address',
      'subject',
      'status',
      'attempts',
      'next_attempt_at',
      'last_error',
      'created_at',
      'sent_at',
    ])
    .where('municipality_code', '=', municipalityCode)
    .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status as OutboxListRow['status']))
    .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind as string))
    .$call((q) => keysetPage(q, ['created_at', 'id'], 'desc', page.after))
    .limit(page.limit)
    .execute();
}

/** One mail of the municipality, all columns; `lock` for a read-modify-write. */
export async function findOutboxMail(
  db: Executor,
  municipalityCode: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Selectable<MailOutboxTable> | undefined> {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('id', '=', id)
    .where('municipality_code', '=', municipalityCode)
    .$if(Boolean(options.lock), (q) => q.forUpdate())
    .executeTakeFirst();
}

/** Puts a mail back in the queue for now, its attempts starting over. */
export async function requeueOutboxMail(
  db: Executor,
  id: string,
  now: Date,
): Promise<Selectable<MailOutboxTable>> {
  return db
    .updateTable('mail_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
