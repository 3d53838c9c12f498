import { sql } from 'kysely';
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
  const { rows } = await sql<{ id: string }>`
    select distinct u.id from users u
    join memberships m on m.user_id = u.id and m.role = 'facility_editor'
    join organisations o on o.id = m.organisation_id
    where o.facility_id = ${facilityId} and o.municipality_code = ${municipalityCode}
      and u.municipality_code = ${municipalityCode} and u.status = 'active'
    order by u.id`.execute(executor);
  return rows.map((r) => r.id);
}
