import type { Transaction } from 'kysely';
import { type ReferralRole, ROLE_FILLED_REASON } from '../../../contracts/referrals';
import type { Database } from '../../platform/db/schema';
import { publishNotice } from '../../platform/inbox/publish-notice';
import { usersOfOrganisations } from '../patients';
import type { ReferralRow } from './referral.queries';

/** The role in the notice's words (Japanese first, the English after a slash as the inbox shows it). */
const roleLabels: Record<ReferralRole, string> = {
  family_doctor: 'かかりつけ医 / family doctor',
  family_dentist: 'かかりつけ歯科医 / family dentist',
  family_pharmacy: 'かかりつけ薬局 / family pharmacy',
  home_visit_doctor: '訪問診療 / home-visit doctor',
  visiting_nurse: '訪問看護 / visiting nurse',
  care_manager: 'ケアマネジャー / care manager',
};

const recipientTexts = {
  sent: {
    title: '新しい紹介が届きました / New referral',
    // An association's desk does not accept: it names the provider, so its notice says so.
    body: (r: ReferralRow) =>
      r.via_association
        ? `${r.sender_label}から${roleLabels[r.role]}の紹介が届きました。紹介の受信一覧を開き、担当する歯科医を名簿から指名してください。 / ${r.sender_label} sent a referral. Open incoming referrals and name the provider from the directory.`
        : `${r.sender_label}から${roleLabels[r.role]}の紹介が届きました。紹介の受信一覧を開き、受け入れるかお断りするかを選んでください。 / ${r.sender_label} sent a referral. Open incoming referrals to accept or decline it.`,
  },
  cancelled: {
    title: '紹介が取り消されました / Referral cancelled',
    body: (r: ReferralRow) =>
      r.reason === ROLE_FILLED_REASON
        ? `${roleLabels[r.role]}の担当が別の方法で決まったため、この紹介は自動的に終了しました。対応は不要です。 / The role was filled another way, so this referral closed. Nothing to do.`
        : `${r.sender_label}がこの紹介を取り消しました。対応は不要です。 / ${r.sender_label} cancelled this referral. Nothing to do.`,
  },
} as const;

const senderTexts = {
  accepted:
    '紹介先が受け入れました。紹介を開いて、開始日を調整してください。 / The recipient accepted. Open the referral to arrange the start.',
  declined:
    '紹介先がお断りしました。理由を確認し、別の紹介先を探してください。 / The recipient declined. Read the reason and find another recipient.',
  named:
    '紹介窓口が担当の歯科医を指名しました。紹介を開いて、指名された歯科医に連絡してください。 / The desk named the dentist. Open the referral and contact them.',
} as const;

/**
 * Tells the recipient organisation's users (inbox + mail link). About a patient: the mail carries
 * no content, only the link. A recipient without accounts gets nothing here (FAX or phone).
 */
export async function notifyRecipient(
  trx: Transaction<Database>,
  row: ReferralRow,
  kind: keyof typeof recipientTexts,
): Promise<void> {
  if (!row.recipient_organisation_id) return;
  const users = await usersOfOrganisations(trx, [row.recipient_organisation_id]);
  await publishNotice(trx, {
    municipalityCode: row.municipality_code,
    kind: `referrals.${kind}`,
    recipientUserIds: users.map((u) => u.user_id),
    title: recipientTexts[kind].title,
    body: recipientTexts[kind].body(row),
    link: '/staff/referrals/incoming',
    recordType: 'referral',
    recordId: row.id,
    patientId: row.patient_id,
  });
}

/** Tells the user who drafted the referral what the recipient answered. */
export async function notifySender(
  trx: Transaction<Database>,
  row: ReferralRow,
  kind: keyof typeof senderTexts,
): Promise<void> {
  await publishNotice(trx, {
    municipalityCode: row.municipality_code,
    kind: `referrals.${kind}`,
    recipientUserIds: [row.created_by],
    title: `紹介の返事: ${row.recipient_label} / Referral answered`,
    body: senderTexts[kind],
    link: row.case_id ? `/staff/discharge/${row.case_id}` : `/staff/patients/${row.patient_id}`,
    recordType: 'referral',
    recordId: row.id,
    patientId: row.patient_id,
  });
}
