import type { Executor } from '../../platform/db/schema';

/**
 * The people who speak for a facility: active users holding facility_editor in an organisation
 * linked to it (organisations.facility_id). They receive the ward's decisions and reminders.
 */
export async function listFacilityEditorIds(
  executor: Executor,
  municipalityCode: string,
  facilityId: string,
): Promise<string[]> {
  const rows = await executor
    .selectFrom('users as u')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.user_id', '=', 'u.id').on('m.role', '=', 'facility_editor'),
    )
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select('u.id')
    .distinct()
    .where('o.facility_id', '=', facilityId)
    .where('o.municipality_code', '=', municipalityCode)
    .where('u.municipality_code', '=', municipalityCode)
    .where('u.status', '=', 'active')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.id);
}
