import type { Actor } from '../../platform/context';
import type { PatientScope } from '../patients';
import { coordinatingOrganisation } from './discharge.policy';
import type { ReferralRow } from './referral.queries';
import type { ReferralParty } from './referral-status';

/**
 * Whether the actor answers for the recipient: a clinical member of the recipient organisation,
 * or of the organisation of the recipient's directory facility (the scope lists both).
 */
export function isRecipient(
  scope: PatientScope,
  row: Pick<ReferralRow, 'recipient_organisation_id' | 'recipient_facility_id'>,
): boolean {
  return Boolean(
    (row.recipient_organisation_id && scope.organisationIds.includes(row.recipient_organisation_id)) ||
      (row.recipient_facility_id && scope.facilityIds.includes(row.recipient_facility_id)),
  );
}

/** Answers the sender may record for a recipient without accounts (told by phone or FAX). */
const PROXY_EVENTS = new Set(['receive', 'accept', 'decline', 'name']);

/**
 * The party the actor is for this referral and event: the recipient; or the sending side (a
 * coordinator who reaches the patient), who also records the answer of a recipient that has no
 * accounts on Zaitaku. Undefined: neither.
 */
export function referralPartyOf(
  actor: Actor,
  scope: PatientScope,
  row: ReferralRow,
  event?: string,
): ReferralParty | undefined {
  if (isRecipient(scope, row)) return 'recipient';
  if (!coordinatingOrganisation(actor)) return undefined;
  if (event && PROXY_EVENTS.has(event) && row.recipient_organisation_id === null) return 'recipient';
  return 'sender';
}
