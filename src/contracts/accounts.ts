import { z } from 'zod';
import { Email, NewPassword, Password, Timestamp, TotpCode, TwoFactorStatus, Uuid } from './accounts-core';
import { pageOf } from './page';
import { AccessAction } from './patients';
import { OrganisationKind, Role } from './roles';

export * from './accounts-admin';
export * from './accounts-core';

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
// One's own sessions: GET /api/account/sessions, DELETE …/:id, POST …/revoke-others

/** A session of the signed-in person, as they see it: coarse device and network, never the token. */
export const OwnSession = z.object({
  id: Uuid,
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  /** Browser family and operating system from the User-Agent (`unknown` when not recognised). */
  device: z.object({ browser: z.string(), os: z.string() }),
  /** The address cut to its IPv4 /24 or IPv6 /48, e.g. `203.0.113.0/24`. */
  network: z.string().nullable(),
  /** False while the second step (authenticator code) is still missing. */
  twoFactorVerified: z.boolean(),
  /** The session this request came with. */
  current: z.boolean(),
});
export type OwnSession = z.infer<typeof OwnSession>;

export const OwnSessionList = z.object({
  items: z.array(OwnSession),
  /** SESSION_MAX_PER_USER: a sign-in beyond it ends the oldest session. */
  maxSessions: z.number().int(),
});
export type OwnSessionList = z.infer<typeof OwnSessionList>;

/**
 * One read of the signed-in person's own account data by someone (a ward admin opening the user
 * list or detail): who, what and when. The reader's address stays in the ward's access log.
 */
export const OwnAccessEntry = z.object({
  occurredAt: Timestamp,
  actorLabel: z.string().nullable(),
  recordType: z.string(),
  action: AccessAction,
});
export type OwnAccessEntry = z.infer<typeof OwnAccessEntry>;
export const OwnAccessList = pageOf(OwnAccessEntry);
export type OwnAccessList = z.infer<typeof OwnAccessList>;

export const SessionsEndedResponse = z.object({ ended: z.number().int() });
export type SessionsEndedResponse = z.infer<typeof SessionsEndedResponse>;

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
  ownSessions: '/api/account/sessions', // GET → OwnSessionList
  ownSession: (id: string) => `/api/account/sessions/${id}`, // DELETE → SessionsEndedResponse
  ownSessionsRevokeOthers: '/api/account/sessions/revoke-others', // POST → SessionsEndedResponse
  ownAccessLog: '/api/account/access-log', // GET ?PageQuery → OwnAccessList
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
