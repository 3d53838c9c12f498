import type { Actor } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ConsultationRow, WindowScope } from './consultation.queries';
import type { ConsultationParty } from './consultation-status';

/**
 * Who sees a consultation: the staff (role center_staff) of the window, the 包括 centre that took
 * it, and nobody else — not another centre, not the ward admin (who sees only the figures). A
 * record outside the caller's windows is answered 404, so its existence is not told.
 */
export function windowScopeOf(actor: Actor): WindowScope {
  return {
    municipalityCode: actor.municipalityCode,
    organisationIds: [
      ...new Set(actor.memberships.filter((m) => m.role === 'center_staff').map((m) => m.organisationId)),
    ],
  };
}

/** The window a new consultation is recorded at: the caller's (first) centre. Throws window_required. */
export function recordingWindow(actor: Actor): string {
  const window = windowScopeOf(actor).organisationIds[0];
  if (!window) throw new AppError('consultations.window_required');
  return window;
}

/** The caller's party for this consultation (what the workflow's `by` checks). */
export function partyOf(
  actor: Actor,
  row: Pick<ConsultationRow, 'organisation_id'>,
): ConsultationParty | undefined {
  return windowScopeOf(actor).organisationIds.includes(row.organisation_id) ? 'window_staff' : undefined;
}
