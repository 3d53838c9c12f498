import { type Actor, hasRole } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import { listLinkedFacilityIds } from '../accounts';

/**
 * Facilities a facility_editor may edit: those linked (organisations.facility_id) to an
 * organisation in which the actor holds the facility_editor role.
 */
export async function editableFacilityIds(executor: Executor, actor: Actor): Promise<string[]> {
  const orgIds = actor.memberships.filter((m) => m.role === 'facility_editor').map((m) => m.organisationId);
  return listLinkedFacilityIds(executor, actor.municipalityCode, orgIds);
}

/**
 * ward_admin may edit every facility of the municipality; a facility_editor only its own.
 * Call after loading the facility within the actor's municipality (other municipalities get 404).
 * Throws auth.forbidden.
 */
export async function assertCanEditFacility(
  executor: Executor,
  actor: Actor,
  facilityId: string,
): Promise<void> {
  if (hasRole(actor, 'ward_admin')) return;
  if (hasRole(actor, 'facility_editor') && (await editableFacilityIds(executor, actor)).includes(facilityId))
    return;
  throw new AppError('auth.forbidden');
}

/** The signed-in actor of a staff use case (routes guarantee one). Throws auth.required. */
export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new AppError('auth.required');
  return actor;
}
