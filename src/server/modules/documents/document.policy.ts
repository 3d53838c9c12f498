import type { Actor } from '../../platform/context';
import { CLINICAL_ROLES } from '../patients';
import type { DocumentParty } from './document-status';

/**
 * The organisation a new document is written for: the actor's first membership with a clinical
 * or coordinating role (a hospital ward, a clinic, a visiting-nurse station, a care manager's office).
 */
export function authoringOrganisation(actor: Actor): string | undefined {
  return actor.memberships.find((m) => CLINICAL_ROLES.includes(m.role))?.organisationId;
}

/** Members of the author's organisation write and see drafts and receipts; everyone else in the circle reads. */
export function documentPartyOf(actor: Actor, document: { author_organisation_id: string }): DocumentParty {
  return actor.memberships.some((m) => m.organisationId === document.author_organisation_id)
    ? 'author'
    : 'reader';
}

/** Whether the party may see a document in this state: readers see final ones only. */
export function maySee(party: DocumentParty, status: string): boolean {
  return party === 'author' || status === 'final';
}
