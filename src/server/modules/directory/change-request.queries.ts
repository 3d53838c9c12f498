import type { Insertable } from 'kysely';
import type { ChangeRequestSource, ChangeRequestStatus } from '../../../contracts/directory';
import type { Executor } from '../../platform/db/schema';
import type { ChangeRequestRow } from './change-request.presenter';
import type { FacilityChangeRequestTable } from './review.table';
import './facility.table';
import './review.table';

function selectRequests(executor: Executor) {
  return executor
    .selectFrom('facility_change_requests as r')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .selectAll('r')
    .select(['f.name as facility_name', 'f.version as facility_version']);
}

/** One request of the municipality (locked for a decision when `forUpdate`), or undefined. */
export async function findChangeRequest(
  executor: Executor,
  municipalityCode: string,
  id: string,
  forUpdate = false,
): Promise<ChangeRequestRow | undefined> {
  let query = selectRequests(executor)
    .where('r.id', '=', id)
    .where('r.municipality_code', '=', municipalityCode);
  if (forUpdate) query = query.forUpdate('r');
  return query.executeTakeFirst();
}

export type ChangeRequestFilter = {
  status?: ChangeRequestStatus;
  source?: ChangeRequestSource;
  facilityId?: string;
  limit: number;
  offset: number;
};

/** The queue, oldest pending first (first come, first served). */
export async function listChangeRequestRows(
  executor: Executor,
  municipalityCode: string,
  filter: ChangeRequestFilter,
): Promise<{ total: number; rows: ChangeRequestRow[] }> {
  let query = selectRequests(executor).where('r.municipality_code', '=', municipalityCode);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.source) query = query.where('r.source', '=', filter.source);
  if (filter.facilityId) query = query.where('r.facility_id', '=', filter.facilityId);
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await query
    .orderBy('r.submitted_at', filter.status === 'pending' ? 'asc' : 'desc')
    .orderBy('r.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { total: Number(counted?.n ?? 0), rows };
}

/** Queues a change request or a resident's report; returns its id. */
export async function insertChangeRequest(
  executor: Executor,
  row: Insertable<FacilityChangeRequestTable>,
): Promise<string> {
  const inserted = await executor
    .insertInto('facility_change_requests')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** A facility a resident may report an error on (any but a closed one), or undefined. */
export function findOpenFacility(executor: Executor, facilityId: string) {
  return executor
    .selectFrom('facilities')
    .select(['id', 'name', 'municipality_code'])
    .where('id', '=', facilityId)
    .where('status', '<>', 'closed')
    .executeTakeFirst();
}
