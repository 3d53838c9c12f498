import type { Kysely } from 'kysely';
import type { AccessAction, AccessBasis } from '../../../contracts/patients';
import type { Database } from '../db/schema';
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
