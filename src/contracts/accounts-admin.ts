import { z } from 'zod';
import { Email, Timestamp, UserStatus, Uuid } from './accounts-core';
import { PageQuery, pageOf } from './page';
import { OrganisationKind, Role } from './roles';

/** The ward admin's views of organisations, users, memberships, invitations, the outbox and the audit log. */

// ---------------------------------------------------------------------------------------------
// Admin (ward_admin of the same municipality): /api/admin/…

export const Organisation = z.object({
  id: Uuid,
  municipalityCode: z.string(),
  kind: OrganisationKind,
  name: z.string(),
  nameKana: z.string().nullable(),
  /** The directory facility this organisation edits (facility_editor); set by the directory module. */
  facilityId: Uuid.nullable(),
  memberCount: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationList = z.object({ items: z.array(Organisation) });
export type OrganisationList = z.infer<typeof OrganisationList>;

export const OrganisationListQuery = z.strictObject({
  kind: OrganisationKind.optional(),
  q: z.string().max(100).optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

export const OrganisationCreate = z.strictObject({
  kind: OrganisationKind,
  name: z.string().trim().min(1).max(200),
  nameKana: z.string().trim().max(200).nullable().optional(),
  facilityId: Uuid.nullable().optional(),
});
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;

export const OrganisationUpdate = OrganisationCreate.partial();
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

export const AdminMembership = z.object({
  id: Uuid,
  userId: Uuid,
  organisationId: Uuid,
  organisationName: z.string(),
  role: Role,
});
export type AdminMembership = z.infer<typeof AdminMembership>;

export const AdminUser = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  status: UserStatus,
  isDemo: z.boolean(),
  twoFactorEnrolled: z.boolean(),
  /** Email of the ward admin who asked to reset this person's two-factor; a different admin approves. */
  twoFactorResetRequestedBy: z.string().nullable(),
  lockedUntil: Timestamp.nullable(),
  lastLoginAt: Timestamp.nullable(),
  createdAt: Timestamp,
  memberships: z.array(AdminMembership),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const UserListQuery = z.strictObject({
  q: z.string().max(100).optional(),
  status: UserStatus.optional(),
  organisationId: Uuid.optional(),
  ...PageQuery.shape,
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserList = pageOf(AdminUser);
export type UserList = z.infer<typeof UserList>;

/** POST /api/admin/memberships */
export const MembershipCreate = z.strictObject({ userId: Uuid, organisationId: Uuid, role: Role });
export type MembershipCreate = z.infer<typeof MembershipCreate>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const Invitation = z.object({
  id: Uuid,
  email: z.string(),
  organisationId: Uuid,
  organisationName: z.string(),
  role: Role,
  status: InvitationStatus,
  invitedByLabel: z.string().nullable(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
  /** The outbox mail that carries the link (read it in the outbox when SMTP is not configured). */
  mailId: Uuid.nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationList = z.object({ items: z.array(Invitation) });
export type InvitationList = z.infer<typeof InvitationList>;

export const InvitationListQuery = z.strictObject({ status: InvitationStatus.optional() });
export type InvitationListQuery = z.infer<typeof InvitationListQuery>;

/** POST /api/admin/invitations: mail with a 7-day link `/invite/<token>`. */
export const InvitationCreate = z.strictObject({ email: Email, organisationId: Uuid, role: Role });
export type InvitationCreate = z.infer<typeof InvitationCreate>;

export const MailStatus = z.enum(['pending', 'sent', 'failed']);
export type MailStatus = z.infer<typeof MailStatus>;

export const OutboxMail = z.object({
  id: Uuid,
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: MailStatus,
  attempts: z.number().int(),
  nextAttemptAt: Timestamp,
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
});
export type OutboxMail = z.infer<typeof OutboxMail>;

export const OutboxMailDetail = OutboxMail.extend({ bodyText: z.string() });
export type OutboxMailDetail = z.infer<typeof OutboxMailDetail>;

export const OutboxListQuery = z.strictObject({
  status: MailStatus.optional(),
  kind: z.string().max(50).optional(),
  ...PageQuery.shape,
});
export type OutboxListQuery = z.infer<typeof OutboxListQuery>;

export const OutboxList = pageOf(OutboxMail);
export type OutboxList = z.infer<typeof OutboxList>;

export const AuditOutcome = z.enum(['success', 'failure', 'denied']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** Filters of GET /api/admin/audit and GET /api/admin/audit/export.csv (newest first). */
export const AuditQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actorUserId: Uuid.optional(),
  /** Part of the actor's email/label as recorded. */
  actor: z.string().max(254).optional(),
  /** Exact action, or a prefix ending in `.` (`auth.`). */
  action: z.string().max(100).optional(),
  recordType: z.string().max(100).optional(),
  outcome: AuditOutcome.optional(),
  patientId: z.string().max(100).optional(),
  ...PageQuery.shape,
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  /** Asia/Tokyo with offset, e.g. 2026-11-24T09:30:00.000+09:00 */
  occurredAt: Timestamp,
  actorUserId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  actorOrganisationId: z.string().nullable(),
  action: z.string(),
  outcome: AuditOutcome,
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  patientId: z.string().nullable(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = pageOf(AuditEntry);
export type AuditList = z.infer<typeof AuditList>;
