import type { InboxNotice, InboxPage, InboxReadAllResponse } from '../../../contracts/inbox';
import type { PageQuery } from '../../../contracts/page';
import type { RequestContext } from '../context';
import { type CursorShape, decodeCursorOf, toPage } from '../db/pagination';
import { AppError } from '../errors';
import type { ModuleDeps } from '../module';
import { runUseCase } from '../use-case';
import { presentNotice } from './inbox.presenter';
import { countUnread, findOwnNotice, type InboxPosition, listInboxRows } from './inbox.queries';
import { reportInboxProgress } from './inbox-progress';

/** The inbox's keyset: unread or not, then the notice's created_at, then its id. */
const INBOX_POSITION = { sort: 'boolean-time', id: 'uuid' } as const satisfies CursorShape;

function positionOf(row: { read_at: unknown; created_at: Date; id: string }) {
  return { sort: [row.read_at === null, row.created_at] as const, id: row.id };
}

/** The position a cursor of positionOf names; any other cursor is a 400 (request.invalid). */
function inboxPosition(cursor: string | undefined): InboxPosition | undefined {
  const position = decodeCursorOf(cursor, INBOX_POSITION);
  if (position === undefined) return undefined;
  const [unread, createdAt] = position.sort;
  return { unread, createdAt, id: position.id };
}

/**
 * The caller's own notices, unread first and then newest first (what needs doing is on top of
 * the first page), with their unread count. Throws auth.required.
 */
export async function listInbox(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  query: PageQuery,
): Promise<InboxPage> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  const rows = await listInboxRows(deps.db, actor.userId, query, inboxPosition(query.cursor));
  const page = toPage(rows, query, positionOf, presentNotice);
  // The rows carry the count; past the last page there is no row to carry it.
  const unreadCount = rows[0] ? Number(rows[0].unread_count) : await countUnread(deps.db, actor.userId);
  return { ...page, unreadCount };
}

/** For the header badge. Throws auth.required. */
export async function getUnreadCount(deps: Pick<ModuleDeps, 'db'>, ctx: RequestContext): Promise<number> {
  if (!ctx.actor) throw new AppError('auth.required');
  return countUnread(deps.db, ctx.actor.userId);
}

/** Marks one of the caller's notices read (again is a no-op). Throws not_found for anyone else's. */
export async function markNoticeRead(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  id: string,
): Promise<InboxNotice> {
  return runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    const row = await findOwnNotice(trx, actor.userId, id);
    if (!row) throw new AppError('not_found');
    if (row.read_at !== null) return presentNotice(row);
    const updated = await trx
      .updateTable('inbox_notices')
      .set({ read_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await reportInboxProgress(trx, updated, 'read', now);
    return presentNotice(updated);
  });
}

/** Marks all the caller's unread notices read. */
export async function markAllNoticesRead(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
): Promise<InboxReadAllResponse> {
  return runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    const rows = await trx
      .updateTable('inbox_notices')
      .set({ read_at: now })
      .where('user_id', '=', actor.userId)
      .where('read_at', 'is', null)
      .returning(['record_type', 'record_id', 'user_id'])
      .execute();
    for (const row of rows) await reportInboxProgress(trx, row, 'read', now);
    return { updated: rows.length };
  });
}

/**
 * The recipient acknowledges a notice that asks for it (it is then read too); audited, since an
 * acknowledgment may matter later. The record type's hook takes the same step in the same
 * transaction (and may refuse it). Throws not_found, inbox.ack_not_required, the hook's codes.
 */
export async function acknowledgeNotice(
  deps: Pick<ModuleDeps, 'db'>,
  ctx: RequestContext,
  id: string,
): Promise<InboxNotice> {
  return runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    const row = await findOwnNotice(trx, actor.userId, id);
    if (!row) throw new AppError('not_found');
    if (!row.requires_ack) throw new AppError('inbox.ack_not_required');
    if (row.acknowledged_at !== null) return presentNotice(row);
    const updated = await trx
      .updateTable('inbox_notices')
      .set({ acknowledged_at: now, read_at: row.read_at ?? now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await reportInboxProgress(trx, updated, 'acknowledged', now);
    await audit({
      action: 'inbox.acknowledge',
      recordType: row.record_type ?? 'inbox_notice',
      recordId: row.record_id ?? row.id,
      ...(row.patient_id ? { patientId: row.patient_id } : {}),
      details: { noticeId: row.id, kind: row.kind },
    });
    return presentNotice(updated);
  });
}
