import type { OutboxList, OutboxListQuery, OutboxMail, OutboxMailDetail } from '../../../contracts/accounts';
import { writeAudit } from '../../platform/audit/audit.service';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { redactedMailText } from '../../platform/mail/outbox.service';
import '../../platform/mail/outbox.table';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { toOutboxMail } from './admin.presenter';

const encodeCursor = (createdAt: Date, id: string) =>
  Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('request.invalid', [{ path: 'querystring/cursor', message: 'invalid cursor' }]);
  }
  return { createdAt, id };
}

/** The municipality's mails, newest first, keyset-paged. */
export async function listOutbox(
  deps: Pick<ModuleDeps, 'db'>,
  municipalityCode: string,
  query: OutboxListQuery,
): Promise<OutboxList> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await deps.db
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
    .$if(Boolean(query.status), (q) => q.where('status', '=', query.status as 'pending'))
    .$if(Boolean(query.kind), (q) => q.where('kind', '=', query.kind as string))
    .$if(Boolean(after), (q) =>
      q.where((eb) =>
        eb.or([
          eb('created_at', '<', after?.createdAt as Date),
          eb.and([eb('created_at', '=', after?.createdAt as Date), eb('id', '<', after?.id as string)]),
        ]),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toOutboxMail),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

/** One mail with its body, never a reset or invitation link (the recipient's alone); the read is audited. Throws not_found. */
export async function readOutboxMail(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  id: string,
): Promise<OutboxMailDetail> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('mail_outbox')
      .selectAll()
      .where('id', '=', id)
      .where('municipality_code', '=', ctx.municipalityCode)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found');
    await writeAudit(trx, ctx, {
      action: 'outbox.read',
      recordType: 'mail',
      recordId: id,
      details: { kind: row.kind },
    });
    return { ...toOutboxMail(row), bodyText: redactedMailText(row) };
  });
}

/** Sends a pending or failed mail again now (attempts start over). Throws not_found, outbox.already_sent. */
export async function retryOutboxMail(
  deps: ModuleDeps,
  ctx: RequestContext,
  id: string,
): Promise<OutboxMail> {
  const mail = await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('mail_outbox')
      .selectAll()
      .where('id', '=', id)
      .where('municipality_code', '=', ctx.municipalityCode)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found');
    if (row.status === 'sent') throw new AppError('outbox.already_sent');
    const updated = await trx
      .updateTable('mail_outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: clock.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'outbox.retry',
      recordType: 'mail',
      recordId: id,
      details: { previousStatus: row.status, previousAttempts: row.attempts },
    });
    return updated;
  });
  deps.kickMail();
  return toOutboxMail(mail);
}
