import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/schema';
import type { FacilityCapacityTable } from './facility.table';
import type { FacilityHistoryTable } from './review.table';
import './facility.table';
import './review.table';

/** Sets a facility's capacity signal (one row per facility, the latest wins). */
export async function upsertCapacity(db: Executor, row: Insertable<FacilityCapacityTable>): Promise<void> {
  await db
    .insertInto('facility_capacity')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('facility_id')
        .doUpdateSet({ signal: row.signal, set_at: row.set_at, set_by_user_id: row.set_by_user_id }),
    )
    .execute();
}

/** Appends one row to a facility's history. */
export async function insertHistory(db: Executor, row: Insertable<FacilityHistoryTable>): Promise<void> {
  await db.insertInto('facility_history').values(row).execute();
}

/** A facility's history, newest first. */
export function listHistoryRows(db: Executor, facilityId: string, limit: number) {
  return db
    .selectFrom('facility_history')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** How many of a facility's change requests wait for review. */
export async function countPendingRequests(db: Executor, facilityId: string): Promise<number> {
  const row = await db
    .selectFrom('facility_change_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('facility_id', '=', facilityId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
