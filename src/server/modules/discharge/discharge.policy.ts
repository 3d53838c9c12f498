import type { Role } from '../../../contracts/roles';
import type { Actor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ChangeRow } from './provider-change.queries';
import type { ChangeParty } from './provider-change-status';

/** Who runs a discharge case and proposes changes: the hospital's staff and the 包括's staff. */
export const COORDINATOR_ROLES: readonly Role[] = ['hospital_staff', 'center_staff'];

/** The coordinating organisation the actor acts for (their first hospital or 包括 membership). */
export function coordinatingOrganisation(actor: Actor): string | undefined {
  return actor.memberships.find((m) => COORDINATOR_ROLES.includes(m.role))?.organisationId;
}

/** Throws auth.forbidden unless the actor coordinates discharges. */
export function assertCoordinator(actor: Actor): void {
  if (!coordinatingOrganisation(actor)) throw new AppError('auth.forbidden');
}

/** Whether the actor answers for the incumbent: a member of the incumbent's organisation. */
export function isIncumbent(actor: Actor, change: Pick<ChangeRow, 'from_organisation_id'>): boolean {
  return Boolean(
    change.from_organisation_id &&
      actor.memberships.some((m) => m.organisationId === change.from_organisation_id),
  );
}

/** The party the actor is for this change (what the workflow's `by` checks). */
export function partyOf(
  actor: Actor,
  change: Pick<ChangeRow, 'from_organisation_id'>,
): ChangeParty | undefined {
  if (isIncumbent(actor, change)) return 'incumbent';
  if (coordinatingOrganisation(actor)) return 'coordinator';
  return undefined;
}
