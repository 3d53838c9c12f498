import { type Kysely, type OperationNodeSource, type RawBuilder, sql } from 'kysely';
import type { AccessAction, AccessBasis } from '../../../contracts/patients';
import type { Database, Executor } from '../db/schema';
import '../audit/audit.table';
import './access-log.table';

export type AccessLogFilter = {
  patientId?: string;
  actorUserId?: string;
  action?: AccessAction;
  basis?: AccessBasis;
  /** One record: `user` + a user id finds every read of that person's account data. */
  recordType?: string;
  recordId?: string;
  from?: string;
  to?: string;
};

/** The municipality's access log, newest first, strictly before `beforeId`. */
export function listAccessLogRows(
  db: Kysely<Database>,
  municipalityCode: string,
  filter: AccessLogFilter,
  page: { beforeId?: number; limit: number },
) {
  let q = db.selectFrom('access_log').selectAll().where('municipality_code', '=', municipalityCode);
  if (filter.patientId) q = q.where('patient_id', '=', filter.patientId);
  if (filter.actorUserId) q = q.where('actor_user_id', '=', filter.actorUserId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.basis) q = q.where('basis', '=', filter.basis);
  if (filter.recordType) q = q.where('record_type', '=', filter.recordType);
  if (filter.recordId) q = q.where('record_id', '=', filter.recordId);
  if (filter.from) q = q.where('occurred_at', '>=', new Date(filter.from));
  if (filter.to) q = q.where('occurred_at', '<', new Date(filter.to));
  if (page.beforeId !== undefined) q = q.where('id', '<', page.beforeId);
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}

/** What every row of one request's insert shares: when, who, from where, what they did. */
export type AccessLogConstants = {
  occurredAt: Date;
  municipalityCode: string | null;
  actorUserId: string | null;
  actorLabel: string | null;
  action: AccessAction;
  requestId: string | null;
  clientIp: string | null;
};

/**
 * The access-log rows of a query's result, as one `insert … select`, for a statement that reads and
 * records in one round trip (a writable CTE). `source` yields patient_id, record_type, record_id, basis.
 */
export function insertAccessLogFrom(
  executor: Executor,
  constants: AccessLogConstants,
  source: RawBuilder<unknown>,
): OperationNodeSource {
  return executor
    .insertInto('access_log')
    .columns([
      'occurred_at',
      'municipality_code',
      'actor_user_id',
      'actor_label',
      'patient_id',
      'record_type',
      'record_id',
      'action',
      'basis',
      'request_id',
      'client_ip',
    ])
    .expression(
      // raw sql: the source is the caller's statement (its CTEs), only known to it; typed columns here.
      sql`select ${constants.occurredAt}::timestamptz, ${constants.municipalityCode}, ${constants.actorUserId}::uuid,
        ${constants.actorLabel}, r.patient_id, r.record_type, r.record_id, ${constants.action}, r.basis,
        ${constants.requestId}, ${constants.clientIp}
      from (${source}) as r(patient_id, record_type, record_id, basis)`,
    );
}

/** The details of the newest audit row of `action` (the last seal), or undefined before the first. */
export async function findLastSealDetails(executor: Executor, action: string): Promise<unknown> {
  const row = await executor
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.details;
}

/** The details of every audit row of `action` (every seal), oldest first. */
export async function listSealDetails(executor: Executor, action: string): Promise<unknown[]> {
  const rows = await executor
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', action)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.details);
}

/** The highest id after `afterId` of a row that occurred at or before `before`; undefined if none. */
export async function findLastSettledId(
  executor: Executor,
  afterId: number,
  before: Date,
): Promise<number | undefined> {
  const top = await executor
    .selectFrom('access_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('id', '>', afterId)
    .where('occurred_at', '<=', before)
    .executeTakeFirst();
  return top?.id == null ? undefined : Number(top.id);
}

/** Up to `limit` rows, every column, with afterId < id <= toId, in id order (what a seal hashes). */
export function listAccessLogRange(executor: Executor, afterId: number, toId: number, limit: number) {
  return executor
    .selectFrom('access_log')
    .selectAll()
    .where('id', '>', afterId)
    .where('id', '<=', toId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** How many rows have an id above `afterId` (the tail no seal covers yet). */
export async function countAccessLogAfter(executor: Executor, afterId: number): Promise<number> {
  const row = await executor
    .selectFrom('access_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', '>', afterId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
