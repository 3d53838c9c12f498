import { z } from 'zod';
import { Email, NewPassword, Password, Timestamp, TotpCode, TwoFactorStatus, Uuid } from './accounts-core';
import { defineErrors } from './errors';
import { OrganisationKind, Role } from './roles';

export * from './accounts-admin';
export * from './accounts-core';

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
  'auth.totp_key_unavailable': {
    status: 503,
    ja: '二要素認証の設定を読み取れないため、いまはログインできません。システム管理者に連絡してください（暗号鍵 TOTP_ENCRYPTION_KEY の設定を確認）。',
    en: 'Two-factor settings cannot be read, so login is not possible now. Contact the system administrator (check TOTP_ENCRYPTION_KEY).',
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
  'user.two_factor_reset_needs_second_admin': {
    status: 409,
    ja: 'この二要素認証のリセットは、あなたが依頼済みです。実行には別の区の管理者の承認が必要です。別の管理者に依頼してください。',
    en: 'You already asked for this two-factor reset; a different ward administrator must approve it.',
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
