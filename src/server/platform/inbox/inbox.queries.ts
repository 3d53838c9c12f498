import type { Transaction } from 'kysely';
import type { PageQuery } from '../../../contracts/page';
import type { KeysetPosition } from '../db/pagination';
import type { Database, Executor } from '../db/schema';
import './inbox.table';

/** One user's notices, newest first, `limit + 1` rows after the cursor. */
export function listInboxRows(
  db: Executor,
  userId: string,
  query: Pick<PageQuery, 'limit'>,
  after: KeysetPosition | undefined,
) {
  return db
    .selectFrom('inbox_notices')
    .selectAll()
    .where('user_id', '=', userId)
    .$if(after !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('created_at', '<', new Date(String(after?.sort))),
          eb.and([eb('created_at', '=', new Date(String(after?.sort))), eb('id', '<', String(after?.id))]),
        ]),
      ),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
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
