/**
 * Plain-language names of the audited actions the platform writes. Codes not listed here (new
 * modules) are shown as they are; the code itself is always shown too, for searching.
 */
const actionNames: Record<string, { ja: string; en: string }> = {
  'auth.login': { ja: 'ログイン', en: 'Login' },
  'auth.logout': { ja: 'ログアウト', en: 'Logout' },
  'auth.totp': { ja: '確認コードの入力', en: 'Two-factor code' },
  'auth.recovery_code': { ja: 'リカバリーコードの使用', en: 'Recovery code used' },
  'auth.totp_enrolment_start': { ja: '二要素認証の設定開始', en: 'Two-factor setup started' },
  'auth.totp_enrol': { ja: '二要素認証の設定', en: 'Two-factor set up' },
  'auth.recovery_codes_regenerate': { ja: 'リカバリーコードの再発行', en: 'Recovery codes reissued' },
  'auth.lockout': { ja: 'ロック（失敗の繰り返し）', en: 'Locked after failures' },
  'auth.denied': { ja: '権限のない操作', en: 'Refused action' },
  'auth.password_reset_request': { ja: 'パスワード再設定の依頼', en: 'Password reset requested' },
  'auth.password_reset': { ja: 'パスワードの再設定', en: 'Password reset' },
  'account.password_change': { ja: 'パスワードの変更', en: 'Password changed' },
  'invitation.create': { ja: '招待', en: 'Invitation sent' },
  'invitation.accept': { ja: '招待の受諾', en: 'Invitation accepted' },
  'invitation.revoke': { ja: '招待の取り消し', en: 'Invitation revoked' },
  'membership.create': { ja: '所属の追加', en: 'Membership added' },
  'membership.delete': { ja: '所属の削除', en: 'Membership removed' },
  'organisation.create': { ja: '組織の追加', en: 'Organisation added' },
  'organisation.update': { ja: '組織の変更', en: 'Organisation changed' },
  'organisation.delete': { ja: '組織の削除', en: 'Organisation deleted' },
  'user.create_admin': { ja: '管理者の作成（CLI）', en: 'Administrator created (CLI)' },
  'user.disable': { ja: '利用停止', en: 'User disabled' },
  'user.enable': { ja: '利用再開', en: 'User enabled' },
  'user.reset_two_factor': { ja: '二要素認証のリセット', en: 'Two-factor reset' },
  'user.reset_two_factor_request': { ja: '二要素認証のリセット依頼', en: 'Two-factor reset requested' },
  'outbox.read': { ja: '送信メールの閲覧', en: 'Mail read' },
  'outbox.retry': { ja: 'メールの再送', en: 'Mail resent' },
  'audit.read': { ja: '監査ログの閲覧', en: 'Audit log read' },
  'audit.export': { ja: '監査ログの CSV 出力', en: 'Audit log exported' },
};

/** The readable name of an action, or undefined when only the code is known. */
export function actionName(action: string, language: 'ja' | 'en'): string | undefined {
  return actionNames[action]?.[language];
}
