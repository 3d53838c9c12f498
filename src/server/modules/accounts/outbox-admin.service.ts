import type { OutboxList, OutboxListQuery, OutboxMail, OutboxMailDetail } from '../../../contracts/accounts';
import type { RequestContext } from '../../platform/context';
import { decodeTimeCursor, toPage } from '../../platform/db/pagination';
import { AppError } from '../../platform/errors';
import { redactedMailText } from '../../platform/mail/outbox.service';
import '../../platform/mail/outbox.table';
import type { ModuleDeps } from '../../platform/module';
import { runUseCase } from '../../platform/use-case';
import { toOutboxMail } from './admin.presenter';
import { findOutboxMail, listOutboxRows, requeueOutboxMail } from './outbox-admin.queries';

/** The municipality's mails, newest first, in the one list pattern. */
export async function listOutbox(
  deps: Pick<ModuleDeps, 'db'>,
  municipalityCode: string,
  query: OutboxListQuery,
): Promise<OutboxList> {
  // A mail's position is its creation time and uuid; anything else in a cursor is not ours.
  const after = decodeTimeCursor(query.cursor);
  const rows = await listOutboxRows(
    deps.db,
    municipalityCode,
    { status: query.status, kind: query.kind },
    { after, limit: query.limit + 1 },
  );
  return toPage(rows, query, (row) => ({ sort: row.created_at, id: row.id }), toOutboxMail);
}

/** One mail with its body, never a reset or invitation link (the recipient's alone); the read is audited. Throws not_found. */
export async function readOutboxMail(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  id: string,
): Promise<OutboxMailDetail> {
  return runUseCase(deps, ctx, async ({ trx, audit }) => {
    const row = await findOutboxMail(trx, ctx.municipalityCode, id);
    if (!row) throw new AppError('not_found');
    await audit({
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
  const mail = await runUseCase(deps, ctx, async ({ trx, now, audit }) => {
    const row = await findOutboxMail(trx, ctx.municipalityCode, id, { lock: true });
    if (!row) throw new AppError('not_found');
    if (row.status === 'sent') throw new AppError('outbox.already_sent');
    const updated = await requeueOutboxMail(trx, id, now);
    await audit({
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
