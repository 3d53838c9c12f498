import type { Insertable, Transaction } from 'kysely';
import type { Database, Executor } from '../../platform/db/schema';
import type { CaseNoticeLinkTable } from './case-notice-link.table';
import './case-notice-link.table';

/** A newer sheet replaces the older ones: their links stop working. */
export function retireLinksOfNotice(trx: Transaction<Database>, noticeId: string, now: Date) {
  return trx
    .updateTable('case_notice_links')
    .set({ used_at: now })
    .where('notice_id', '=', noticeId)
    .where('used_at', 'is', null)
    .execute();
}

export function insertLink(trx: Transaction<Database>, values: Insertable<CaseNoticeLinkTable>) {
  return trx.insertInto('case_notice_links').values(values).returning(['id']).executeTakeFirstOrThrow();
}

/** The link by its token's hash, with its notice; locked when it is about to be used. */
export function findLinkByHash(executor: Executor, tokenHash: string, lock = false) {
  let query = executor
    .selectFrom('case_notice_links as l')
    .innerJoin('case_notices as n', 'n.id', 'l.notice_id')
    .select(['l.id', 'l.notice_id', 'l.expires_at', 'l.used_at', 'l.municipality_code'])
    .where('l.token_hash', '=', tokenHash);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function markLinkUsed(trx: Transaction<Database>, linkId: string, now: Date) {
  return trx.updateTable('case_notice_links').set({ used_at: now }).where('id', '=', linkId).execute();
}
