import type { Executor } from '../../platform/db/schema';

/** The directory facility an accounts organisation acts for (organisations.facility_id), if any. */
export async function findOrganisationFacilityId(executor: Executor, organisationId: string) {
  const row = await executor
    .selectFrom('organisations')
    .select('facility_id')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row?.facility_id ?? null;
}
