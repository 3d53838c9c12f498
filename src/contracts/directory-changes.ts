import { z } from 'zod';
import {
  AddressBlock,
  CapabilityCode,
  CapacitySignal,
  CollaborationTool,
  FacilityDetail,
  FacilityId,
  FacilityRef,
  FacilityStatus,
  FacilityType,
  LatLng,
  OpeningHours,
} from './directory-core';

/**
 * Writes to the directory: editors' change requests, the ward admin's review and direct edits,
 * capacity, residents' error reports, history and freshness reminders. Import from `./directory`.
 */

// ---------------------------------------------------------------------------------------------
// Writes: change requests (facility_editor), direct edits (ward_admin), capacity, reports

/** Every field a change may touch. Omitted fields stay as they are. */
export const FacilityPatch = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kana: z.string().trim().max(200).nullable(),
  nameEn: z.string().trim().max(200).nullable(),
  status: FacilityStatus,
  addressBlock: AddressBlock,
  postalCode: z
    .string()
    .regex(/^\d{3}-?\d{4}$/)
    .nullable(),
  location: LatLng.nullable(),
  phone: z.string().max(30).nullable(),
  fax: z.string().max(30).nullable(),
  email: z.email().max(200).nullable(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  medicalInstitutionCode: z
    .string()
    .regex(/^\d{10}$/)
    .nullable(),
  careOfficeNumber: z
    .string()
    .regex(/^\d{10}$/)
    .nullable(),
  beds: z.number().int().min(0).max(10_000).nullable(),
  departments: z.array(z.string().trim().min(1).max(50)).max(60),
  languages: z.array(z.string().trim().min(1).max(30)).max(30),
  accessibility: z.array(z.string().trim().min(1).max(100)).max(30),
  collaborationTools: z.array(CollaborationTool).max(5),
  mainStationId: FacilityId.nullable(),
  hours: OpeningHours,
  /** Capability codes the facility offers; sending them confirms them (dates refresh). */
  capabilities: z.array(CapabilityCode).max(60),
});
export type FacilityPatch = z.infer<typeof FacilityPatch>;
export type FacilityPatchField = keyof FacilityPatch;

export const FacilityChangeRequestBody = z.strictObject({
  /** The `version` of the facility the editor started from. */
  baseVersion: z.number().int().min(1),
  changes: FacilityPatch.partial().refine((c) => Object.keys(c).length > 0, 'changes: at least one field'),
  note: z.string().max(1000).optional(),
});
export type FacilityChangeRequestBody = z.infer<typeof FacilityChangeRequestBody>;

/** ward_admin edits directly (applied at once, recorded in the history). */
export const FacilityUpdateBody = z.strictObject({
  version: z.number().int().min(1),
  changes: FacilityPatch.partial().refine((c) => Object.keys(c).length > 0, 'changes: at least one field'),
});
export type FacilityUpdateBody = z.infer<typeof FacilityUpdateBody>;

export const FacilityCreateBody = FacilityPatch.partial()
  .extend({ name: FacilityPatch.shape.name, type: FacilityType })
  .strict();
export type FacilityCreateBody = z.infer<typeof FacilityCreateBody>;

export const CapacityUpdateBody = z.strictObject({ signal: CapacitySignal });
export type CapacityUpdateBody = z.infer<typeof CapacityUpdateBody>;

/** A resident's error report: no personal data asked for. */
export const ErrorReportCategory = z.enum(['phone', 'address', 'hours', 'closed', 'capabilities', 'other']);
export type ErrorReportCategory = z.infer<typeof ErrorReportCategory>;
export const ErrorReportBody = z.strictObject({
  category: ErrorReportCategory,
  message: z.string().trim().min(1).max(2000),
});
export type ErrorReportBody = z.infer<typeof ErrorReportBody>;
export const ErrorReportResponse = z.object({ id: z.string(), status: z.literal('pending') });

export const ChangeRequestSource = z.enum(['editor', 'resident_report']);
export type ChangeRequestSource = z.infer<typeof ChangeRequestSource>;
/** The review workflow's states (server/modules/directory/change-request-status.ts; the CHECK repeats them). */
export const changeRequestStates = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const ChangeRequestStatus = z.enum(changeRequestStates);
export type ChangeRequestStatus = z.infer<typeof ChangeRequestStatus>;

export const ReviewDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), reason: z.string().trim().max(1000).optional() }),
  z.strictObject({ decision: z.literal('reject'), reason: z.string().trim().min(1).max(1000) }),
]);
export type ReviewDecisionBody = z.infer<typeof ReviewDecisionBody>;

export const FieldDiff = z.object({
  field: z.string(),
  /** Japanese label of the field. */
  label: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldDiff = z.infer<typeof FieldDiff>;

export const ChangeRequestDto = z.object({
  id: z.string(),
  facility: FacilityRef,
  source: ChangeRequestSource,
  status: ChangeRequestStatus,
  /** Editor requests: the facility version they started from. */
  baseVersion: z.number().int().nullable(),
  /** Facility version now; a difference means approval will answer directory.version_conflict. */
  currentVersion: z.number().int(),
  changes: z.record(z.string(), z.unknown()).nullable(),
  note: z.string().nullable(),
  reportCategory: ErrorReportCategory.nullable(),
  reportMessage: z.string().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ChangeRequestDto = z.infer<typeof ChangeRequestDto>;

export const ChangeRequestDetail = ChangeRequestDto.extend({ diff: z.array(FieldDiff) });
export type ChangeRequestDetail = z.infer<typeof ChangeRequestDetail>;

/**
 * A facility's own change requests, for its editor's page: the pending ones (with their diff, to
 * view and withdraw) and the latest decided ones (a rejection with the ward's reason), newest first.
 */
export const FacilityChangeRequestsResponse = z.object({ items: z.array(ChangeRequestDetail) });
export type FacilityChangeRequestsResponse = z.infer<typeof FacilityChangeRequestsResponse>;

export const ChangeRequestListQuery = z.object({
  status: ChangeRequestStatus.optional(),
  source: ChangeRequestSource.optional(),
  facilityId: FacilityId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const ChangeRequestListResponse = z.object({
  total: z.number().int(),
  items: z.array(ChangeRequestDto),
});
export type ChangeRequestListResponse = z.infer<typeof ChangeRequestListResponse>;

export const HistorySource = z.enum(['editor', 'admin', 'import', 'capacity', 'confirm', 'create']);
export const FacilityHistoryEntry = z.object({
  id: z.number().int(),
  version: z.number().int(),
  source: HistorySource,
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  changeRequestId: z.string().nullable(),
  /** field → { before, after } */
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type FacilityHistoryEntry = z.infer<typeof FacilityHistoryEntry>;
export const FacilityHistoryResponse = z.object({ items: z.array(FacilityHistoryEntry) });

/** Facilities a facility_editor may edit, with the newest state of each. */
export const MyFacilitiesResponse = z.object({
  items: z.array(FacilityDetail.extend({ pendingRequests: z.number().int() })),
});

/** One-click "still correct" from the reminder mail. */
export const ConfirmResponse = z.object({
  facilityId: z.string(),
  name: z.string(),
  confirmedAt: z.string(),
  capabilities: z.number().int(),
});
export type ConfirmResponse = z.infer<typeof ConfirmResponse>;
/** Web page the reminder mail links to; it POSTs to /api/public/confirm/{token} on a button press. */
export const confirmPagePath = (token: string) => `/directory/confirm/${token}`;

export const ReminderRunBody = z.strictObject({ dryRun: z.boolean().default(false) });
export const ReminderRunResponse = z.object({
  facilities: z.number().int(),
  mailsQueued: z.number().int(),
  skippedWithoutEmail: z.number().int(),
});
export type ReminderRunResponse = z.infer<typeof ReminderRunResponse>;
