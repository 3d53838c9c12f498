import type { Selectable } from 'kysely';
import type {
  AdminUser,
  AuditEntry,
  Invitation,
  Organisation,
  OutboxMail,
} from '../../../contracts/accounts';
import type { MailOutboxTable } from '../../platform/mail/outbox.table';
import { clock } from '../../platform/time/clock';
import type { AuditRow } from './audit-viewer.queries';
import { type InvitationRow, invitationStatus } from './invitation.queries';
import type { OrganisationRow } from './organisation.queries';
import { toTokyoIso, toTokyoIsoOrNull } from './tokyo-time';
import type { AdminUserRow } from './user-admin.queries';

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    municipalityCode: row.municipality_code.trim(),
    kind: row.kind,
    name: row.name,
    nameKana: row.name_kana,
    facilityId: row.facility_id,
    memberCount: Number(row.member_count),
    createdAt: toTokyoIso(row.created_at),
    updatedAt: toTokyoIso(row.updated_at),
  };
}

/** Never the password hash, TOTP secret or attempt counters: only what an admin acts on. */
export function toAdminUser(row: AdminUserRow): AdminUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    status: row.status,
    isDemo: row.is_demo,
    twoFactorEnrolled: row.totp_secret !== null,
    twoFactorResetRequestedBy: row.two_factor_reset_requested_by,
    lockedUntil: row.locked_until && row.locked_until > clock.now() ? toTokyoIso(row.locked_until) : null,
    lastLoginAt: toTokyoIsoOrNull(row.last_login_at),
    createdAt: toTokyoIso(row.created_at),
    memberships: row.memberships,
  };
}

export function toInvitation(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    email: row.email,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    role: row.role,
    status: invitationStatus(row, now),
    invitedByLabel: row.invited_by_label,
    createdAt: toTokyoIso(row.created_at),
    expiresAt: toTokyoIso(row.expires_at),
    acceptedAt: toTokyoIsoOrNull(row.accepted_at),
    revokedAt: toTokyoIsoOrNull(row.revoked_at),
    mailId: row.mail_id,
  };
}

export function toOutboxMail(
  row: Pick<
    Selectable<MailOutboxTable>,
    | 'id'
    | 'kind'
    | 'to_address'
    | 'subject'
    | 'status'
    | 'attempts'
    | 'next_attempt_at'
    | 'last_error'
    | 'created_at'
    | 'sent_at'
  >,
): OutboxMail {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: toTokyoIso(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: toTokyoIso(row.created_at),
    sentAt: toTokyoIsoOrNull(row.sent_at),
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    occurredAt: toTokyoIso(new Date(row.occurred_at)),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    actorOrganisationId: row.actor_organisation_id,
    action: row.action,
    outcome: row.outcome,
    recordType: row.record_type,
    recordId: row.record_id,
    patientId: row.patient_id,
    requestId: row.request_id,
    clientIp: row.client_ip,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : (row.details ?? null),
  };
}
