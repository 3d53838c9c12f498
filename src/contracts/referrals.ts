import { z } from 'zod';
import { CapacityDto } from './directory-core';
import { PageQuery, pageOf } from './page';
import { CareLevel, Sex } from './patients';
import { referralsErrors } from './referrals-errors';

/**
 * Referrals to facilities found in the directory (issue 14 item 6): one referral per recipient,
 * the recipient's capacity signal and its date shown before sending, the continuity gate in front
 * of a referral for a provider change, and the association's desk (かかりつけ歯科医紹介制度) that
 * names the provider. Server and web both import from here; add fields, do not rename them.
 */

export { referralsErrors };

/**
 * States of a referral. The migration repeats this list in its CHECK constraint (a unit test
 * compares them); referral-status.ts holds the moves.
 */
export const referralStates = [
  'draft',
  'sent',
  'received',
  'accepted',
  'declined',
  'completed',
  'cancelled',
  'failed',
] as const;
export const ReferralStatus = z.enum(referralStates);
export type ReferralStatus = z.infer<typeof ReferralStatus>;

/** Still waiting for something: the "open referral for the same role" warning counts these. */
export const openReferralStates = ['draft', 'sent', 'received', 'accepted'] as const;

/** The circle roles a referral can fill (not the hospital, the 包括 or the family). */
export const referralRoles = [
  'family_doctor',
  'family_dentist',
  'family_pharmacy',
  'home_visit_doctor',
  'visiting_nurse',
  'care_manager',
] as const;
export const ReferralRole = z.enum(referralRoles);
export type ReferralRole = z.infer<typeof ReferralRole>;

/** Why the system closed a referral itself: the role was filled another way. */
export const ROLE_FILLED_REASON = 'role_filled';

const Id = z.uuid();
const Reason = z.string().trim().min(1).max(500);
const Timestamp = z.string();

/**
 * The patient's agreement to a referral that does not replace anyone (a first visiting nurse):
 * who agreed, how and when. A referral for a provider change uses that change's consent instead.
 */
export const ReferralAgreement = z.object({
  givenBy: z.enum(['patient', 'representative']),
  method: z.enum(['in_person', 'phone', 'document']),
  givenAt: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(500).optional(),
});
export type ReferralAgreement = z.infer<typeof ReferralAgreement>;

/**
 * A draft for one recipient: a directory facility, or an association's desk (an organisation of
 * kind `association`) that names the provider. `providerChangeId` ties it to the gate.
 */
export const ReferralCreateBody = z
  .object({
    patientId: Id,
    caseId: Id.optional(),
    providerChangeId: Id.optional(),
    role: ReferralRole,
    recipientFacilityId: Id.optional(),
    associationOrganisationId: Id.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((b) => Boolean(b.recipientFacilityId) !== Boolean(b.associationOrganisationId), {
    message: 'exactly one of recipientFacilityId and associationOrganisationId',
  });
export type ReferralCreateBody = z.infer<typeof ReferralCreateBody>;

export const ReferralSendBody = z.object({ agreement: ReferralAgreement.optional() }).optional();
export type ReferralSendBody = z.infer<typeof ReferralSendBody>;

/** Decline, cancel and fail carry a reason; the server refuses them without one. */
export const ReferralReasonBody = z.object({ reason: Reason.optional() }).optional();
export type ReferralReasonBody = z.infer<typeof ReferralReasonBody>;

/** The association's desk names the provider (a directory facility): the referral completes. */
export const ReferralNameBody = z.object({ facilityId: Id, note: z.string().trim().max(500).optional() });
export type ReferralNameBody = z.infer<typeof ReferralNameBody>;

/** The minimum a recipient outside the circle sees, and only while the referral is open to them. */
export const ReferredPatient = z.object({
  id: Id,
  name: z.string(),
  nameKana: z.string(),
  birthDate: z.string(),
  sex: Sex,
  town: z.string(),
  careLevel: CareLevel,
});
export type ReferredPatient = z.infer<typeof ReferredPatient>;

export const ReferralEvent = z.enum([
  'send',
  'receive',
  'accept',
  'decline',
  'complete',
  'name',
  'cancel',
  'fail',
]);
export type ReferralEvent = z.infer<typeof ReferralEvent>;

export const ReferralDto = z.object({
  id: Id,
  patientId: Id,
  caseId: Id.nullable(),
  providerChangeId: Id.nullable(),
  role: ReferralRole,
  recipientFacilityId: Id.nullable(),
  recipientOrganisationId: Id.nullable(),
  recipientLabel: z.string(),
  /** Sent to an association's desk, which names the provider. */
  viaAssociation: z.boolean(),
  namedFacilityId: Id.nullable(),
  namedLabel: z.string().nullable(),
  senderLabel: z.string(),
  status: ReferralStatus,
  /** Why it was declined, cancelled or failed (`role_filled` when the system closed it). */
  reason: z.string().nullable(),
  note: z.string().nullable(),
  /** The recipient's capacity signal now (directory), with the date it was set. */
  capacity: CapacityDto.nullable(),
  /** The signal the sender saw when sending. */
  capacityAtSend: CapacityDto.nullable(),
  agreement: ReferralAgreement.nullable(),
  /** Other open referrals of the patient for the same role (a warning, not a refusal). */
  openForSameRole: z.number().int(),
  sentAt: Timestamp.nullable(),
  receivedAt: Timestamp.nullable(),
  answeredAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  /** The moves the caller may make now (the page's buttons). */
  actions: z.array(ReferralEvent),
  /** For a recipient outside the circle: the minimum patient data while it is open to them. */
  patient: ReferredPatient.nullable(),
});
export type ReferralDto = z.infer<typeof ReferralDto>;

export const ReferralList = z.object({ items: z.array(ReferralDto) });
export type ReferralList = z.infer<typeof ReferralList>;

export const IncomingReferralQuery = PageQuery.extend({
  /** Only still-open ones (sent, received, accepted) by default. */
  open: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type IncomingReferralQuery = z.output<typeof IncomingReferralQuery>;

export const IncomingReferralPage = pageOf(ReferralDto);
export type IncomingReferralPage = z.infer<typeof IncomingReferralPage>;

/** The association desks of the municipality (organisations of kind `association`). */
export const AssociationDesk = z.object({ id: Id, name: z.string() });
export const AssociationDeskList = z.object({ items: z.array(AssociationDesk) });
export type AssociationDeskList = z.infer<typeof AssociationDeskList>;
