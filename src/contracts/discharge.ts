import { z } from 'zod';
import { PageQuery, pageOf } from './page';

/**
 * Discharge coordination (退院支援) and the continuity-of-care gate: every shape the discharge
 * pages, the family doctor's acknowledgment page and the 包括's list exchange. The state lists are
 * the single source: the zod enums here, the workflows in the server module and the migration's
 * CHECK constraints (a unit test compares them) all repeat these.
 */

export const dischargeCaseStates = [
  'open',
  'planning',
  'scheduled',
  'discharged',
  'follow_up',
  'closed',
  'cancelled',
  'transferred',
  'deceased',
] as const;
export const DischargeCaseStatus = z.enum(dischargeCaseStates);
export type DischargeCaseStatus = z.infer<typeof DischargeCaseStatus>;

export const providerChangeStates = [
  'proposed',
  'awaiting_consent',
  'consented',
  'incumbent_notified',
  'acknowledged',
  'objected',
  'escalated',
  'confirmed',
  'kept_current',
  'shared_care',
  'withdrawn',
  'confirmed_override',
] as const;
export const ProviderChangeStatus = z.enum(providerChangeStates);
export type ProviderChangeStatus = z.infer<typeof ProviderChangeStatus>;

/** A notice's delivery and answer (MedCom: every hospital notice is acknowledged). */
export const noticeStates = [
  'queued',
  'sent',
  'delivered',
  'read',
  'acknowledged',
  'expired',
  'escalated',
] as const;
export const NoticeStatus = z.enum(noticeStates);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/** Why a notice was sent: the admission (told at admission, not at the switch) or a proposed change. */
export const NoticeKind = z.enum(['admission', 'provider_change', 'escalation']);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const NoticeChannel = z.enum(['inbox', 'email', 'fax', 'phone']);
export type NoticeChannel = z.infer<typeof NoticeChannel>;

export const ContactKind = z.enum(['phone', 'visit', 'fax', 'message', 'video_joint_guidance']);
export type ContactKind = z.infer<typeof ContactKind>;

export const ConsentGiver = z.enum(['patient', 'representative']);
export const ConsentMethod = z.enum(['in_person', 'phone', 'document']);

/** Why the gate was bypassed: the only reasons an override may give (counted for the council). */
export const OverrideReason = z.enum([
  'emergency',
  'patient_unreachable_incumbent',
  'incumbent_closed',
  'other',
]);
export type OverrideReason = z.infer<typeof OverrideReason>;

/** Roles in the circle a provider change may switch (the gate covers doctors, dentists, pharmacies). */
export const ChangeableRole = z.enum([
  'family_doctor',
  'family_dentist',
  'family_pharmacy',
  'home_visit_doctor',
]);
export type ChangeableRole = z.infer<typeof ChangeableRole>;

const Id = z.uuid();
const IsoDate = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------------------------------------
// Discharge cases

export const DischargeCaseCreateBody = z.object({
  patientId: Id,
  /** The hospital's directory facility; it may be outside the ward, so it is optional. */
  hospitalFacilityId: Id.optional(),
  /** The hospital's name as said on the phone, when it has no directory entry (区外). */
  hospitalName: Text(200).optional(),
  admittedOn: IsoDate,
  expectedDischargeOn: IsoDate.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type DischargeCaseCreateBody = z.infer<typeof DischargeCaseCreateBody>;

export const DischargeCaseEvent = z.enum([
  'plan',
  'schedule',
  'discharge',
  'follow_up',
  'close',
  'cancel',
  'transfer',
  'decease',
]);
export type DischargeCaseEvent = z.infer<typeof DischargeCaseEvent>;

export const DischargeCaseTransitionBody = z.object({
  event: DischargeCaseEvent,
  expectedDischargeOn: IsoDate.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type DischargeCaseTransitionBody = z.infer<typeof DischargeCaseTransitionBody>;

export const ChecklistItemDto = z.object({
  id: Id,
  label: z.string(),
  done: z.boolean(),
  note: z.string().nullable(),
});
export type ChecklistItemDto = z.infer<typeof ChecklistItemDto>;

export const ChecklistItemBody = z.object({
  done: z.boolean(),
  note: z.string().trim().max(1000).optional(),
});

export const TaskDto = z.object({
  id: Id,
  title: z.string(),
  ownerName: z.string(),
  dueOn: IsoDate.nullable(),
  done: z.boolean(),
});
export type TaskDto = z.infer<typeof TaskDto>;

export const TaskCreateBody = z.object({ title: Text(300), ownerName: Text(100), dueOn: IsoDate.optional() });
export type TaskCreateBody = z.infer<typeof TaskCreateBody>;
export const TaskUpdateBody = z.object({ done: z.boolean() });

export const ContactDto = z.object({
  id: Id,
  kind: ContactKind,
  withWhom: z.string(),
  at: z.string(),
  outcome: z.string(),
  recordedBy: z.string(),
});
export type ContactDto = z.infer<typeof ContactDto>;

export const ContactCreateBody = z.object({
  kind: ContactKind,
  withWhom: Text(200),
  at: z.iso.datetime({ offset: true }),
  outcome: Text(2000),
});
export type ContactCreateBody = z.infer<typeof ContactCreateBody>;

export const NoticeDto = z.object({
  id: Id,
  kind: NoticeKind,
  caseId: Id.nullable(),
  providerChangeId: Id.nullable(),
  recipientOrganisationId: Id.nullable(),
  recipientLabel: z.string(),
  channel: NoticeChannel,
  status: NoticeStatus,
  createdAt: z.string(),
  dueAt: z.string().nullable(),
});
export type NoticeDto = z.infer<typeof NoticeDto>;

export const DischargeCaseSummary = z.object({
  id: Id,
  patientId: Id,
  patientName: z.string(),
  hospitalName: z.string(),
  admittedOn: IsoDate,
  expectedDischargeOn: IsoDate.nullable(),
  status: DischargeCaseStatus,
  /** Provider changes of the case waiting for the gate or escalated (the 包括's worry list). */
  openChanges: z.number().int(),
  escalations: z.number().int(),
});
export type DischargeCaseSummary = z.infer<typeof DischargeCaseSummary>;
export const DischargeCasePage = pageOf(DischargeCaseSummary);

/** The one list pattern (`?cursor=&limit=`, newest case first) and the list's own filter. */
export const DischargeCaseListQuery = PageQuery.extend({
  /** `escalated`: only cases with an escalated change (the 包括's queue). */
  filter: z.enum(['all', 'active', 'escalated']).default('active'),
});
export type DischargeCaseListQuery = z.infer<typeof DischargeCaseListQuery>;

// ---------------------------------------------------------------------------------------------
// Provider changes

export const ConsentDto = z.object({
  givenBy: ConsentGiver,
  representativeName: z.string().nullable(),
  givenAt: z.string(),
  method: ConsentMethod,
  agreed: z.string(),
  offeredKeepCurrent: z.boolean(),
  offeredSharedCare: z.boolean(),
  documentRef: z.string().nullable(),
  recordedBy: z.string(),
});
export type ConsentDto = z.infer<typeof ConsentDto>;

export const IncumbentResponseDto = z.object({
  answer: z.enum(['agree', 'object']),
  reason: z.string().nullable(),
  respondedBy: z.string(),
  respondedAt: z.string(),
});

/** What the gate still needs, so the page can say it plainly. */
export const GateDto = z.object({
  open: z.boolean(),
  missing: z.array(z.enum(['consent', 'incumbent_acknowledgment'])),
  escalationDueAt: z.string().nullable(),
});
export type GateDto = z.infer<typeof GateDto>;

export const ProviderChangeDto = z.object({
  id: Id,
  patientId: Id,
  caseId: Id.nullable(),
  role: ChangeableRole,
  toRole: ChangeableRole,
  fromFacilityId: Id.nullable(),
  fromLabel: z.string().nullable(),
  toFacilityId: Id.nullable(),
  toLabel: z.string(),
  reason: z.string().nullable(),
  status: ProviderChangeStatus,
  consent: ConsentDto.nullable(),
  response: IncumbentResponseDto.nullable(),
  gate: GateDto,
  /** Events the caller may cause now (the page's buttons). */
  actions: z.array(z.string()),
  createdAt: z.string(),
});
export type ProviderChangeDto = z.infer<typeof ProviderChangeDto>;

export const ProviderChangeCreateBody = z.object({
  patientId: Id,
  caseId: Id.optional(),
  /** The role of the current holder who is asked (かかりつけ医 for a switch to 訪問診療). */
  role: ChangeableRole,
  /** The role the new provider takes; default the same role. */
  toRole: ChangeableRole.optional(),
  toFacilityId: Id.optional(),
  toLabel: Text(200),
  reason: z.string().trim().max(2000).optional(),
});
export type ProviderChangeCreateBody = z.infer<typeof ProviderChangeCreateBody>;

export const ConsentBody = z
  .object({
    givenBy: ConsentGiver,
    representativeName: Text(100).optional(),
    givenAt: z.iso.datetime({ offset: true }),
    method: ConsentMethod,
    agreed: Text(2000),
    offeredKeepCurrent: z.boolean(),
    offeredSharedCare: z.boolean(),
    documentRef: z.string().trim().max(300).optional(),
  })
  .refine((b) => b.givenBy === 'patient' || b.representativeName, {
    message: 'a representative is named',
    path: ['representativeName'],
  });
export type ConsentBody = z.infer<typeof ConsentBody>;

export const RespondBody = z
  .object({ answer: z.enum(['agree', 'object']), reason: z.string().trim().max(2000).optional() })
  .refine((b) => b.answer === 'agree' || (b.reason && b.reason.length > 0), {
    message: 'an objection gives its reason',
    path: ['reason'],
  });
export type RespondBody = z.infer<typeof RespondBody>;

export const OverrideBody = z.object({
  reasonCode: OverrideReason.optional(),
  reasonNote: z.string().trim().max(2000).optional(),
  /** The second user who agrees to the override, named by their account email. */
  secondUserEmail: z.email().optional(),
});
export type OverrideBody = z.infer<typeof OverrideBody>;

export const CloseChangeBody = z.object({ note: z.string().trim().max(2000).optional() });

export const DischargeCaseDetail = DischargeCaseSummary.extend({
  hospitalFacilityId: Id.nullable(),
  note: z.string().nullable(),
  actions: z.array(DischargeCaseEvent),
  checklist: z.array(ChecklistItemDto),
  tasks: z.array(TaskDto),
  contacts: z.array(ContactDto),
  notices: z.array(NoticeDto),
  providerChanges: z.array(ProviderChangeDto),
});
export type DischargeCaseDetail = z.infer<typeof DischargeCaseDetail>;

/** A notice waiting for the clinician's answer, with just enough to answer it from a phone. */
export const PendingAcknowledgment = NoticeDto.extend({
  patientName: z.string(),
  hospitalName: z.string(),
  role: ChangeableRole.nullable(),
  toLabel: z.string().nullable(),
});
export type PendingAcknowledgment = z.infer<typeof PendingAcknowledgment>;
/** The clinician's notices waiting for an answer: the one list pattern, newest first. */
export const PendingAcknowledgmentPage = pageOf(PendingAcknowledgment);

export const NoticeAckBody = z.object({
  answer: z.enum(['agree', 'object']).optional(),
  reason: z.string().trim().max(2000).optional(),
});
export type NoticeAckBody = z.infer<typeof NoticeAckBody>;

export const EscalateResponse = z.object({ escalated: z.number().int() });
