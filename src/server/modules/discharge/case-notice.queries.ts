import { type Insertable, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import { keysetPage, type TimePosition } from '../../platform/db/pagination';
import type { Database, Executor } from '../../platform/db/schema';
import type { CaseNoticeTable } from './case-notice.table';

export type NoticeRow = Selectable<CaseNoticeTable>;

/** Inserts notices; a notice already there for the same subject and recipient is kept (never doubled). */
export function insertNotices(trx: Transaction<Database>, rows: Insertable<CaseNoticeTable>[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return trx
    .insertInto('case_notices')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .execute();
}

/**
 * The case's notices and its changes' notices. `= any(array(…))` rather than `in (select …)`: the
 * array is computed once, so both sides of the `or` are index lookups (case_notices_case,
 * case_notices_change) instead of a scan of every notice of the ward.
 */
export function listNoticesOfCase(executor: Executor, caseId: string) {
  return executor
    .selectFrom('case_notices')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('case_id', '=', caseId),
        // raw sql: the builder has no form for the ARRAY(subquery) constructor `= any(array(…))` needs.
        sql<boolean>`provider_change_id = any(array(select id from provider_changes where case_id = ${caseId}))`,
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listNoticesOfChange(executor: Executor, changeId: string, kind?: CaseNoticeTable['kind']) {
  let query = executor.selectFrom('case_notices').selectAll().where('provider_change_id', '=', changeId);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('created_at').execute();
}

export function findNotice(executor: Executor, municipalityCode: string, noticeId: string, lock = false) {
  let query = executor
    .selectFrom('case_notices')
    .selectAll()
    .where('id', '=', noticeId)
    .where('municipality_code', '=', municipalityCode);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function updateNotice(
  trx: Transaction<Database>,
  noticeId: string,
  values: Updateable<CaseNoticeTable>,
) {
  return trx.updateTable('case_notices').set(values).where('id', '=', noticeId).execute();
}

/**
 * Notices to the caller's organisations still waiting for an answer, with the patient and change:
 * newest first, keyset on (created_at, id) (`decodeTimeCursor`), `limit` rows (the page's + 1).
 * The partial index case_notices_pending_order serves the filter and the order: keep its predicate
 * (`status <> 'acknowledged'`) the same as this query's status filter, or the planner cannot use it.
 */
export function listPendingForOrganisations(
  executor: Executor,
  input: { municipalityCode: string; organisationIds: string[]; after?: TimePosition; limit: number },
) {
  if (input.organisationIds.length === 0) return Promise.resolve([]);
  const query = executor
    .selectFrom('case_notices as n')
    .innerJoin('patients as p', 'p.id', 'n.patient_id')
    .leftJoin('provider_changes as pc', 'pc.id', 'n.provider_change_id')
    .leftJoin('discharge_cases as c', (join) =>
      join.on((eb) => eb('c.id', '=', eb.fn.coalesce('n.case_id', 'pc.case_id'))),
    )
    .selectAll('n')
    .select(['p.name as patient_name', 'c.hospital_name', 'pc.role', 'pc.to_label'])
    .where('n.municipality_code', '=', input.municipalityCode)
    .where('n.recipient_organisation_id', 'in', input.organisationIds)
    .where('n.status', 'not in', ['acknowledged']);
  // keysetPage's row-value comparison, not `created_at < s or (created_at = s and id < i)`: the
  // index case_notices_pending_order reads it as one range from the cursor on, where the `or` made
  // the planner gather both halves in a bitmap and sort them (the plans are in the README).
  return keysetPage(query, ['n.created_at', 'n.id'], 'desc', input.after).limit(input.limit).execute();
}

/** The case a notice belongs to: its own, or its provider change's (a change may be proposed on a case). */
export async function findNoticeCaseId(
  executor: Executor,
  notice: Pick<NoticeRow, 'case_id' | 'provider_change_id'>,
): Promise<string | null> {
  if (notice.case_id) return notice.case_id;
  if (!notice.provider_change_id) return null;
  const change = await executor
    .selectFrom('provider_changes')
    .select('case_id')
    .where('id', '=', notice.provider_change_id)
    .executeTakeFirst();
  return change?.case_id ?? null;
}

/** The name a timeline entry shows for a user who acted outside a request (the inbox's hook). */
export async function findUserLabel(executor: Executor, userId: string): Promise<string> {
  const user = await executor
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirst();
  return user?.display_name ?? userId;
}
