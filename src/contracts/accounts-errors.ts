import { defineErrors } from './errors';

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
  'organisation.facility_not_in_municipality': {
    status: 400,
    ja: 'この施設は区の施設一覧にありません。区内の施設を施設検索で選び、その施設IDを入力してください。',
    en: 'This facility is not in your municipality’s directory. Choose a facility of your municipality from the directory.',
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
