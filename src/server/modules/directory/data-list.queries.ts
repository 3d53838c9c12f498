import { sql } from 'kysely';
import type { FacilityStatus } from '../../../contracts/directory';
import type { Executor } from '../../platform/db/schema';
import './facility.table';
import './review.table';

/** The facilities of the municipality entered in the directory before `before` (with today's status). */
export function listFacilitiesEnteredBefore(db: Executor, municipalityCode: string, before: Date) {
  return db
    .selectFrom('facilities')
    .select(['id', 'type', 'status', 'main_station_id'])
    .where('municipality_code', '=', municipalityCode)
    .where('created_at', '<', before)
    .execute();
}

/**
 * The status and capability changes of the municipality's facilities from `since` on, oldest
 * first: the `before` side of the first one is what the facility was at `since` (the history
 * holds every applied change, so nothing else needs to be replayed).
 */
export function listStatusAndCapabilityChangesSince(db: Executor, municipalityCode: string, since: Date) {
  // raw sql: `changes` is jsonb of { field: { before, after } }; the builder has no typed form for
  // the `->` / `->>` path into an untyped json column.
  const status = sql`changes -> 'status'`;
  // raw sql: as above, the capabilities' side of the same jsonb.
  const capabilities = sql`changes -> 'capabilities'`;
  // raw sql: `is not null` of those paths (a change that touched the field), for select and where.
  const touched = (field: typeof status) => sql<boolean>`(${field}) is not null`;
  return db
    .selectFrom('facility_history')
    .select([
      'facility_id',
      // raw sql: the `before` side of each path (text for the status, jsonb array for the codes).
      sql<FacilityStatus | null>`${status} ->> 'before'`.as('status_before'),
      // raw sql: as above.
      sql<string[] | null>`${capabilities} -> 'before'`.as('capabilities_before'),
      touched(status).as('has_status'),
      touched(capabilities).as('has_capabilities'),
    ])
    .where('municipality_code', '=', municipalityCode)
    .where('changed_at', '>=', since)
    .where((eb) => eb.or([touched(status), touched(capabilities)]))
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
}

/** Every capability the municipality's facilities list today. */
export function listCurrentCapabilities(db: Executor, municipalityCode: string) {
  return db
    .selectFrom('facility_capabilities')
    .select(['facility_id', 'code'])
    .where('municipality_code', '=', municipalityCode)
    .execute();
}
