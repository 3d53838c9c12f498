import type { Kysely, Selectable } from 'kysely';
import type { AuditQuery } from '../../../contracts/accounts';
import type { AuditLogTable } from '../../platform/audit/audit.table';
import type { Database } from '../../platform/db/schema';
import { escapeLike } from './organisation.queries';

export type AuditRow = Selectable<AuditLogTable>;
export type AuditFilter = Omit<AuditQuery, 'cursor' | 'limit'>;

/** The municipality's audit rows matching the filter, newest first, with ids below `beforeId`. */
export async function listAuditRows(
  db: Kysely<Database>,
  municipalityCode: string,
  filter: AuditFilter,
  page: { beforeId?: number; limit: number },
): Promise<AuditRow[]> {
  const action = filter.action;
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .$if(Boolean(filter.from), (q) => q.where('occurred_at', '>=', new Date(filter.from as string)))
    .$if(Boolean(filter.to), (q) => q.where('occurred_at', '<', new Date(filter.to as string)))
    .$if(Boolean(filter.actorUserId), (q) => q.where('actor_user_id', '=', filter.actorUserId as string))
    .$if(Boolean(filter.actor), (q) =>
      q.where('actor_label', 'like', `%${escapeLike((filter.actor as string).toLowerCase())}%`),
    )
    .$if(Boolean(action), (q) =>
      action?.endsWith('.')
        ? q.where('action', 'like', `${escapeLike(action)}%`)
        : q.where('action', '=', action as string),
    )
    .$if(Boolean(filter.recordType), (q) => q.where('record_type', '=', filter.recordType as string))
    .$if(Boolean(filter.outcome), (q) => q.where('outcome', '=', filter.outcome as AuditRow['outcome']))
    .$if(Boolean(filter.patientId), (q) => q.where('patient_id', '=', filter.patientId as string))
    .$if(page.beforeId !== undefined, (q) => q.where('id', '<', page.beforeId as number))
    .orderBy('id', 'desc')
    .limit(page.limit)
    .execute();
}
