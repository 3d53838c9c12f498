import { type Kysely, type OperationNodeSource, type RawBuilder, sql } from 'kysely';
import type { AccessAction, AccessBasis } from '../../../contracts/patients';
import type { Database, Executor } from '../db/schema';
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
