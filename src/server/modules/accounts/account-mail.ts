import type { Role } from '../../../contracts/roles';

const roleLabels: Record<Role, string> = {
  ward_admin: '区の管理者 / ward administrator',
  center_staff: '地域包括支援センター職員 / community support center staff',
  hospital_staff: '病院職員（地域連携室） / hospital liaison staff',
  clinician: '医師・医療職 / clinician',
  care_manager: 'ケアマネジャー / care manager',
  facility_editor: '施設情報の編集担当 / facility editor',
};

const tokyoTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  dateStyle: 'long',
  timeStyle: 'short',
});

export type MailText = { subject: string; text: string };

/** The invitation mail: Japanese first, English below; the link is the only secret in it. */
export function invitationMail(input: {
  organisationName: string;
  municipalityName: string;
  role: Role;
  inviterName: string;
  link: string;
  expiresAt: Date;
}): MailText {
  const expires = tokyoTime.format(input.expiresAt);
  return {
    subject: '【Zaitaku】アカウントへの招待 / Invitation to Zaitaku',
    text: [
      `${input.inviterName} さんから、${input.municipalityName}の在宅療養推進プラットフォーム Zaitaku に招待されました。`,
      '',
      `所属: ${input.organisationName}`,
      `役割: ${roleLabels[input.role]}`,
      '',
      '次のリンクを開いて、パスワードを設定してください。続けて二要素認証（認証アプリ）を設定します。',
      input.link,
      '',
      `このリンクの有効期限は ${expires} です（7日間）。心当たりがない場合は、このメールを破棄してください。`,
      '',
      '---',
      `${input.inviterName} invited you to Zaitaku (${input.municipalityName}) as ${roleLabels[input.role].split(' / ')[1]} of ${input.organisationName}.`,
      'Open the link above to set your password, then set up two-factor authentication.',
      'The link expires in 7 days. If you did not expect this mail, ignore it.',
    ].join('\n'),
  };
}

/** The password-reset mail; it says two-factor is still needed, so nobody expects otherwise. */
export function passwordResetMail(input: { link: string; expiresAt: Date }): MailText {
  return {
    subject: '【Zaitaku】パスワードの再設定 / Reset your password',
    text: [
      'Zaitaku のパスワード再設定の依頼を受け付けました。',
      '次のリンクを開いて、新しいパスワードを設定してください。',
      input.link,
      '',
      `有効期限は ${tokyoTime.format(input.expiresAt)} です（1時間）。ログインには、これまでどおり認証アプリの確認コードも必要です。`,
      '依頼した覚えがない場合は、このメールを破棄してください。パスワードは変わりません。',
      '',
      '---',
      'We received a request to reset your Zaitaku password. Open the link above within 1 hour.',
      'You will still need the code from your authenticator app to log in.',
      'If you did not ask for this, ignore this mail; your password stays the same.',
    ].join('\n'),
  };
}

/** Sent to the owner and the ward admins when wrong codes lock an account (someone has its password). */
export function secondFactorLockoutMail(input: {
  audience: 'owner' | 'ward_admin';
  accountEmail: string;
  lockedAt: Date;
  minutes: number;
  clientIp: string;
}): MailText {
  const when = tokyoTime.format(input.lockedAt);
  const ja =
    input.audience === 'owner'
      ? [
          `あなたのアカウント（${input.accountEmail}）で、正しいパスワードのあとに誤った確認コードが続けて入力されたため、${input.minutes}分間ロックしました。`,
          '心当たりがない場合、パスワードが他人に知られています。ロックが解けたらすぐにパスワードを変更し、区の管理者に連絡してください。',
        ]
      : [
          `アカウント ${input.accountEmail} で、正しいパスワードのあとに誤った確認コードが続けて入力されたため、${input.minutes}分間ロックしました。`,
          '本人に心当たりがあるか確認してください。ない場合はパスワードが漏れています。管理画面でアカウントを無効にし、本人にパスワードの再設定を依頼してください。',
        ];
  return {
    subject: '【Zaitaku】確認コードの誤りによるロック / Account locked after wrong codes',
    text: [
      ...ja,
      `日時: ${when}　接続元: ${input.clientIp}`,
      '',
      '---',
      `The account ${input.accountEmail} was locked for ${input.minutes} minutes: wrong authenticator codes were entered after its correct password.`,
      input.audience === 'owner'
        ? 'If this was not you, someone knows your password: change it as soon as the lock ends and tell your ward administrator.'
        : 'Ask the person whether it was them. If not, the password has leaked: disable the account and ask them to reset their password.',
    ].join('\n'),
  };
}

/** Mailed to the person when a ward admin asks to reset their two-factor, and when it is done. */
export function twoFactorResetMail(input: {
  step: 'requested' | 'done';
  requestedBy: string;
  approvedBy: string;
  at: Date;
}): MailText {
  const when = tokyoTime.format(input.at);
  const requested = input.step === 'requested';
  return {
    subject: requested
      ? '【Zaitaku】二要素認証のリセットが依頼されました / Two-factor reset requested'
      : '【Zaitaku】二要素認証をリセットしました / Two-factor reset done',
    text: [
      requested
        ? `${when}、区の管理者 ${input.requestedBy} があなたの二要素認証（認証アプリ）のリセットを依頼しました。別の管理者が承認すると実行されます。`
        : `${when}、あなたの二要素認証（認証アプリ）をリセットしました（依頼: ${input.requestedBy}、承認: ${input.approvedBy}）。次のログインで認証アプリを設定し直してください。`,
      'あなたが依頼していない場合は、すぐに区の管理者（依頼した人とは別の人）に連絡してください。',
      '',
      '---',
      requested
        ? `On ${when}, the ward administrator ${input.requestedBy} asked to reset your two-factor authentication. It happens when a second administrator approves.`
        : `On ${when}, your two-factor authentication was reset (asked by ${input.requestedBy}, approved by ${input.approvedBy}). Set up your authenticator app at your next login.`,
      'If you did not ask for this, tell a ward administrator (not the one who asked) at once.',
    ].join('\n'),
  };
}
