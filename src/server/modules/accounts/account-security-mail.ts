import type { Executor } from '../../platform/db/schema';
import { enqueueMail } from '../../platform/mail/outbox.service';
import type { MailText } from './account-mail';
import { truncatedAddress } from './client-network';
import { type DeviceSummary, summariseUserAgent } from './user-agent-summary';

/**
 * Mails that tell the owner something changed on their account (ASVS 5.0 V6.3.7, V7.5.x): what
 * happened, when, from where (coarse), and what to do if it was not them. Never a secret: no
 * codes, no links that grant access.
 */

const tokyoTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  dateStyle: 'long',
  timeStyle: 'short',
});

const deviceJa = (device: DeviceSummary) =>
  `${device.browser === 'unknown' ? '不明なブラウザ' : device.browser}（${device.os === 'unknown' ? '不明なOS' : device.os}）`;
const deviceEn = (device: DeviceSummary) => `${device.browser} on ${device.os}`;

const notYouJa =
  '心当たりがない場合は、すぐにパスワードを変更し（ログイン画面の「パスワードを忘れた方」からも変更できます）、アカウント設定の「ログイン中の端末」で他の端末をログアウトさせ、区の管理者に連絡してください。';
const notYouEn =
  'If this was not you, change your password at once (or use "forgot password" on the login page), log out the other devices under "Signed-in devices" in your account settings, and tell your ward administrator.';

/** A correct password from a browser the account has not completed a sign-in from before. */
export function newDeviceSignInMail(input: {
  at: Date;
  device: DeviceSummary;
  network: string | null;
  endedSessions: number;
  maxSessions: number;
}): MailText {
  const when = tokyoTime.format(input.at);
  const ended = input.endedSessions > 0;
  return {
    subject: '【Zaitaku】新しい端末からのログイン / Sign-in from a new device',
    text: [
      `${when}、これまで使われていない端末からあなたのアカウントに正しいパスワードでログインがありました。`,
      `端末: ${deviceJa(input.device)}　接続元: ${input.network ?? '不明'}`,
      ...(ended
        ? [
            `同時にログインできる端末は${input.maxSessions}台までのため、いちばん古いログイン（${input.endedSessions}件）を終了しました。`,
          ]
        : []),
      'ご自身のログインであれば、対応は不要です。',
      notYouJa,
      '',
      '---',
      `On ${when}, your account was signed in to with its correct password from a device not used before: ${deviceEn(input.device)}, network ${input.network ?? 'unknown'}.`,
      ...(ended
        ? [
            `At most ${input.maxSessions} sessions may be open at once, so the oldest (${input.endedSessions}) were ended.`,
          ]
        : []),
      'If it was you, nothing needs to be done.',
      notYouEn,
    ].join('\n'),
  };
}

export type CredentialChange =
  | 'password_changed'
  | 'password_reset_done'
  | 'two_factor_enrolled'
  | 'recovery_codes_regenerated';

const changes: Record<CredentialChange, { subject: string; ja: string; en: string }> = {
  password_changed: {
    subject: '【Zaitaku】パスワードが変更されました / Your password was changed',
    ja: 'あなたのアカウントのパスワードが変更されました。ほかの端末のログインは終了しています。',
    en: 'The password of your account was changed. Your other sessions were ended.',
  },
  password_reset_done: {
    subject: '【Zaitaku】パスワードが再設定されました / Your password was reset',
    ja: 'パスワード再設定のリンクから、あなたのアカウントのパスワードが再設定されました。すべての端末のログインは終了しています。',
    en: 'The password of your account was reset from a reset link. All your sessions were ended.',
  },
  two_factor_enrolled: {
    subject: '【Zaitaku】二要素認証が設定されました / Two-factor authentication was set up',
    ja: 'あなたのアカウントに認証アプリ（二要素認証）が登録され、新しいリカバリーコードが発行されました。',
    en: 'An authenticator app (two-factor authentication) was registered on your account and new recovery codes were issued.',
  },
  recovery_codes_regenerated: {
    subject: '【Zaitaku】リカバリーコードが再発行されました / Recovery codes were regenerated',
    ja: 'あなたのアカウントのリカバリーコードが再発行されました。以前のリカバリーコードは使えなくなっています。',
    en: 'The recovery codes of your account were regenerated. The earlier codes no longer work.',
  },
};

/** A password or two-factor change, mailed to the account's own address. */
export function credentialChangeMail(input: {
  change: CredentialChange;
  at: Date;
  device?: DeviceSummary;
  network: string | null;
}): MailText {
  const when = tokyoTime.format(input.at);
  const change = changes[input.change];
  const device = input.device;
  return {
    subject: change.subject,
    text: [
      `${when}、${change.ja}`,
      device
        ? `端末: ${deviceJa(device)}　接続元: ${input.network ?? '不明'}`
        : `接続元: ${input.network ?? '不明'}`,
      'ご自身の操作であれば、対応は不要です。',
      notYouJa,
      '',
      '---',
      `On ${when}: ${change.en} ${device ? `Device: ${deviceEn(device)}, network` : 'Network'} ${input.network ?? 'unknown'}.`,
      'If it was you, nothing needs to be done.',
      notYouEn,
    ].join('\n'),
  };
}

/** Queues the mail of a password or two-factor change to the account's owner, in the caller's transaction. */
export async function mailCredentialChange(
  trx: Executor,
  input: {
    change: CredentialChange;
    user: { email: string; municipality_code: string };
    at: Date;
    clientIp: string;
    /** The session's User-Agent; absent for a reset from a link (no session). */
    userAgent?: string | null;
  },
): Promise<void> {
  const mail = credentialChangeMail({
    change: input.change,
    at: input.at,
    device: input.userAgent === undefined ? undefined : summariseUserAgent(input.userAgent),
    network: truncatedAddress(input.clientIp),
  });
  await enqueueMail(trx, {
    kind: input.change,
    to: input.user.email,
    municipalityCode: input.user.municipality_code.trim(),
    ...mail,
  });
}
