import { z } from 'zod';
import { defineErrors } from './errors';
import { OrganisationKind, Role } from './roles';

/**
 * Accounts, sessions, two-factor login, invitations, password reset and the ward admin's
 * views of organisations, users, the mail outbox and the audit log.
 *
 * Codes the platform catalog already defines and this module answers with:
 * auth.required, auth.invalid_credentials, auth.locked, auth.totp_required, auth.totp_invalid,
 * auth.totp_enrolment_required, auth.session_expired, auth.csrf_invalid, auth.forbidden,
 * auth.weak_password, auth.token_invalid, rate_limited, not_found, user.email_taken.
 */
export const accountsErrors = defineErrors({
  'auth.account_disabled': {
    status: 403,
    ja: 'このアカウントは利用停止されています。必要な場合は区の管理者に連絡してください。',
    en: 'This account is disabled. Ask the ward administrator if you need access.',
  },
  'auth.origin_invalid': {
    status: 403,
    ja: '別のサイトからの送信は受け付けていません。Zaitaku の画面から操作してください。',
    en: 'Requests from another site are refused. Use the Zaitaku pages.',
  },
  'auth.totp_already_enrolled': {
    status: 409,
    ja: '二要素認証はすでに設定されています。設定し直す場合は区の管理者に連絡してください。',
    en: 'Two-factor authentication is already set up. Ask the ward administrator to reset it.',
  },
  'auth.totp_enrolment_not_started': {
    status: 400,
    ja: '二要素認証の設定が始まっていません。設定画面を開き直して、QR コードを読み取ってください。',
    en: 'Two-factor setup has not been started. Open the setup page again and scan the QR code.',
  },
  'auth.password_change_required': {
    status: 403,
    ja: '初回ログインのため、パスワードの変更が必要です。アカウント設定で新しいパスワードを設定してください。',
    en: 'You must change your one-time password first (account settings).',
  },
  'auth.current_password_wrong': {
    status: 400,
    ja: '現在のパスワードが違います。入力を確認してください。',
    en: 'The current password is wrong.',
  },
  'auth.not_demo_account': {
    status: 400,
    ja: 'デモ用のアカウントではないため、確認コードを表示できません。認証アプリを使ってください。',
    en: 'This is not a demo account; use your authenticator app.',
  },
  'organisation.name_taken': {
    status: 409,
    ja: '同じ名前の組織がすでにあります。別の名前を入力してください。',
    en: 'An organisation with this name already exists.',
  },
  'organisation.in_use': {
    status: 409,
    ja: 'この組織には所属しているユーザーか招待の記録があるため、削除できません。名称の変更で対応してください。',
    en: 'This organisation has members or invitations on record, so it cannot be deleted; rename it instead.',
  },
  'membership.exists': {
    status: 409,
    ja: 'このユーザーはすでにこの組織に同じ役割で所属しています。',
    en: 'The user already has this role in this organisation.',
  },
  'membership.last_admin': {
    status: 409,
    ja: '区の管理者が一人もいなくなるため、この操作はできません。先に別の管理者を追加してください。',
    en: 'This would leave the municipality without an administrator; add another one first.',
  },
  'user.cannot_change_self': {
    status: 409,
    ja: '自分自身のアカウントに対してこの操作はできません。別の管理者に依頼してください。',
    en: 'You cannot do this to your own account; ask another administrator.',
  },
  'invitation.not_pending': {
    status: 409,
    ja: 'この招待はすでに受諾・取り消し済み、または期限切れです。',
    en: 'This invitation was already accepted, revoked or has expired.',
  },
  'outbox.already_sent': {
    status: 409,
    ja: 'このメールは送信済みのため、再送できません。',
    en: 'This mail has already been sent.',
  },
  'municipality.unknown': {
    status: 400,
    ja: 'この自治体はまだ登録されていません。全国地方公共団体コードを確認してください。',
    en: 'This municipality is not registered; check the code.',
  },
});
export type AccountsErrorCode = keyof typeof accountsErrors;

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** Emails are compared case-insensitively: trimmed and lower-cased at the boundary. */
export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));
/** At least 8 characters (ASVS 6.2.1); the server also refuses common and guessable ones. */
export const NewPassword = z.string().min(8).max(128);
const Password = z.string().min(1).max(128);
const TotpCode = z.string().regex(/^\d{6}$/);
const Uuid = z.uuid();
/** Times are ISO 8601 with offset; the server sends Asia/Tokyo (+09:00). */
const Timestamp = z.string();

export const UserStatus = z.enum(['active', 'disabled']);
export type UserStatus = z.infer<typeof UserStatus>;

/**
 * Where the signed-in person stands with two-factor:
 * `verified` (done this session), `verification_required` (enter a code), `enrolment_required`
 * (their role needs it and no app is registered: only enrolment is reachable), `not_required`.
 */
export const TwoFactorStatus = z.enum([
  'verified',
  'verification_required',
  'enrolment_required',
  'not_required',
]);
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

// ---------------------------------------------------------------------------------------------
// Session and login: GET /api/session, POST /api/auth/login, /api/auth/totp, /api/auth/logout

export const SessionMembership = z.object({
  organisationId: Uuid,
  organisationName: z.string(),
  organisationKind: OrganisationKind,
  role: Role,
});
export type SessionMembership = z.infer<typeof SessionMembership>;

export const SessionUser = z.object({
  id: Uuid,
  email: z.string(),
  displayName: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  roles: z.array(Role),
  memberships: z.array(SessionMembership),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** GET /api/session (public): anonymous callers get `authenticated: false` and nulls. */
export const SessionResponse = z.object({
  authenticated: z.boolean(),
  user: SessionUser.nullable(),
  twoFactor: z
    .object({ status: TwoFactorStatus, enrolled: z.boolean(), recoveryCodesLeft: z.number().int() })
    .nullable(),
  /** Set after `create-admin` until the one-time password is changed. */
  passwordChangeRequired: z.boolean(),
  /** Send as header `x-csrf-token` on every POST/PUT/PATCH/DELETE. Changes at login and after two-factor. */
  csrfToken: z.string().nullable(),
  /** When the session ends if idle, and at the latest. */
  idleExpiresAt: Timestamp.nullable(),
  absoluteExpiresAt: Timestamp.nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** POST /api/auth/login (public, Origin-checked) → SessionResponse with a partial or full session. */
export const LoginRequest = z.strictObject({ email: Email, password: Password });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** POST /api/auth/totp: a 6-digit code from the app, or one unused recovery code. → SessionResponse */
export const TotpVerifyRequest = z.union([
  z.strictObject({ code: TotpCode }),
  z.strictObject({ recoveryCode: z.string().trim().min(8).max(32) }),
]);
export type TotpVerifyRequest = z.infer<typeof TotpVerifyRequest>;

/** POST /api/auth/totp/enrolment (no body): a new secret to scan; not active until confirmed. */
export const TotpEnrolmentResponse = z.object({
  /** Base32 secret for manual entry. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** `data:image/svg+xml;base64,…` QR code of `otpauthUri`. */
  qrCodeDataUrl: z.string(),
});
export type TotpEnrolmentResponse = z.infer<typeof TotpEnrolmentResponse>;

/** POST /api/auth/totp/enrolment/confirm: the first code proves the app works. */
export const TotpEnrolmentConfirmRequest = z.strictObject({ code: TotpCode });
export type TotpEnrolmentConfirmRequest = z.infer<typeof TotpEnrolmentConfirmRequest>;

/** Ten one-time recovery codes, shown once. */
export const RecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesResponse = z.infer<typeof RecoveryCodesResponse>;

export const TotpEnrolmentConfirmResponse = RecoveryCodesResponse.extend({ session: SessionResponse });
export type TotpEnrolmentConfirmResponse = z.infer<typeof TotpEnrolmentConfirmResponse>;

/** POST /api/auth/recovery-codes: replaces the recovery codes; needs a current app code. */
export const RecoveryCodesRegenerateRequest = z.strictObject({ code: TotpCode });
export type RecoveryCodesRegenerateRequest = z.infer<typeof RecoveryCodesRegenerateRequest>;

export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;

// ---------------------------------------------------------------------------------------------
// Password: reset by email (public) and change (signed in)

/** POST /api/auth/password-reset (public): always answers 202 `{ ok: true }` (no enumeration). */
export const PasswordResetRequest = z.strictObject({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** POST /api/auth/password-reset/complete (public): token from the mail link `/reset-password/<token>`. */
export const PasswordResetComplete = z.strictObject({
  token: z.string().min(20).max(100),
  password: NewPassword,
});
export type PasswordResetComplete = z.infer<typeof PasswordResetComplete>;

/** POST /api/account/password: other sessions of the user end. */
export const PasswordChangeRequest = z.strictObject({ currentPassword: Password, newPassword: NewPassword });
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;

// ---------------------------------------------------------------------------------------------
// Invitations seen by the invitee (public): GET /api/auth/invitations/:token, POST …/accept

export const InvitationPreview = z.object({
  email: z.string(),
  organisationName: z.string(),
  role: Role,
  municipalityName: z.string(),
  expiresAt: Timestamp,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** POST /api/auth/invitations/accept → SessionResponse (partial: two-factor enrolment comes next). */
export const InvitationAccept = z.strictObject({
  token: z.string().min(20).max(100),
  displayName: z.string().trim().min(1).max(100),
  password: NewPassword,
});
export type InvitationAccept = z.infer<typeof InvitationAccept>;

// ---------------------------------------------------------------------------------------------
// Admin (ward_admin of the same municipality): /api/admin/…

const Cursor = z.string().regex(/^[\w-]{1,200}$/);
const Limit = z.coerce.number().int().min(1).max(200).default(50);

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
  cursor: Cursor.optional(),
  limit: Limit,
});
export type UserListQuery = z.infer<typeof UserListQuery>;

export const UserList = z.object({ items: z.array(AdminUser), nextCursor: z.string().nullable() });
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
  cursor: Cursor.optional(),
  limit: Limit,
});
export type OutboxListQuery = z.infer<typeof OutboxListQuery>;

export const OutboxList = z.object({ items: z.array(OutboxMail), nextCursor: z.string().nullable() });
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
  cursor: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: Limit,
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

export const AuditList = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() });
export type AuditList = z.infer<typeof AuditList>;

export const IdParams = z.strictObject({ id: Uuid });
export type IdParams = z.infer<typeof IdParams>;

export const TokenParams = z.strictObject({ token: z.string().min(20).max(100) });
export type TokenParams = z.infer<typeof TokenParams>;

/**
 * The endpoints, for the web's API calls. Every state-changing call with a session cookie sends
 * header `x-csrf-token` (from SessionResponse.csrfToken). Admin paths need ward_admin.
 */
export const accountsApi = {
  session: '/api/session', // GET → SessionResponse
  login: '/api/auth/login', // POST LoginRequest → SessionResponse
  totp: '/api/auth/totp', // POST TotpVerifyRequest → SessionResponse
  logout: '/api/auth/logout', // POST → OkResponse
  totpEnrolment: '/api/auth/totp/enrolment', // POST → TotpEnrolmentResponse
  totpEnrolmentConfirm: '/api/auth/totp/enrolment/confirm', // POST → TotpEnrolmentConfirmResponse
  recoveryCodes: '/api/auth/recovery-codes', // POST RecoveryCodesRegenerateRequest → RecoveryCodesResponse
  passwordReset: '/api/auth/password-reset', // POST PasswordResetRequest → 202 OkResponse
  passwordResetComplete: '/api/auth/password-reset/complete', // POST PasswordResetComplete → OkResponse
  invitation: (token: string) => `/api/auth/invitations/${encodeURIComponent(token)}`, // GET → InvitationPreview
  invitationAccept: '/api/auth/invitations/accept', // POST InvitationAccept → SessionResponse
  passwordChange: '/api/account/password', // POST PasswordChangeRequest → OkResponse
  organisations: '/api/admin/organisations', // GET ?OrganisationListQuery → OrganisationList; POST OrganisationCreate → Organisation
  organisation: (id: string) => `/api/admin/organisations/${id}`, // GET, PATCH OrganisationUpdate, DELETE → Organisation / OkResponse
  users: '/api/admin/users', // GET ?UserListQuery → UserList
  user: (id: string) => `/api/admin/users/${id}`, // GET → AdminUser
  userDisable: (id: string) => `/api/admin/users/${id}/disable`, // POST → AdminUser
  userEnable: (id: string) => `/api/admin/users/${id}/enable`, // POST → AdminUser (also lifts a lockout)
  userResetTwoFactor: (id: string) => `/api/admin/users/${id}/reset-two-factor`, // POST → AdminUser
  memberships: '/api/admin/memberships', // POST MembershipCreate → AdminMembership
  membership: (id: string) => `/api/admin/memberships/${id}`, // DELETE → OkResponse
  invitations: '/api/admin/invitations', // GET ?InvitationListQuery → InvitationList; POST InvitationCreate → Invitation
  invitationRevoke: (id: string) => `/api/admin/invitations/${id}/revoke`, // POST → Invitation
  outbox: '/api/admin/outbox', // GET ?OutboxListQuery → OutboxList
  outboxMail: (id: string) => `/api/admin/outbox/${id}`, // GET → OutboxMailDetail
  outboxRetry: (id: string) => `/api/admin/outbox/${id}/retry`, // POST → OutboxMail
  audit: '/api/admin/audit', // GET ?AuditQuery → AuditList
  auditExport: '/api/admin/audit/export.csv', // GET ?AuditQuery → text/csv (UTF-8 BOM)
} as const;
