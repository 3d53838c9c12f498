import { sql, type Transaction } from 'kysely';
import type { PageQuery } from '../../../contracts/page';
import { keysetPage } from '../db/pagination';
import type { Database, Executor } from '../db/schema';
import './inbox.table';

/** Where the inbox continues: after this notice in (unread first, then newest) order. */
export type InboxPosition = { unread: boolean; createdAt: Date; id: string };

/**
 * One user's notices, unread first and each part newest first, `limit + 1` rows after the
 * position, each with the user's unread count (one round trip for the page and its badge). The
 * order is the index inbox_notices_user_unread_first, so the page reads only the rows it shows.
 */
export function listInboxRows(
  db: Executor,
  userId: string,
  page: Pick<PageQuery, 'limit'>,
  after: InboxPosition | undefined,
) {
  // raw sql: an expression as a sort key: (read_at is null), the index's first key after user_id.
  const unreadFirst = sql<boolean>`(inbox_notices.read_at is null)`;
  const query = db
    .selectFrom('inbox_notices')
    .selectAll('inbox_notices')
    .select((eb) =>
      eb
        .selectFrom('inbox_notices as u')
        .select(eb.fn.countAll<number>().as('n'))
        .where('u.user_id', '=', userId)
        .where('u.read_at', 'is', null)
        .as('unread_count'),
    )
    .where('inbox_notices.user_id', '=', userId);
  // Every key descends, so "after" is one row comparison the index answers.
  const position = after && { sort: [after.unread, after.createdAt] as const, id: after.id };
  return keysetPage(query, [[unreadFirst, 'inbox_notices.created_at'], 'inbox_notices.id'], 'desc', position)
    .limit(page.limit + 1)
    .execute();
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('inbox_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The user's own notice, locked; undefined for anyone else's (the caller answers 404). */
export function findOwnNotice(trx: Transaction<Database>, userId: string, id: string) {
  return trx
    .selectFrom('inbox_notices')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}
