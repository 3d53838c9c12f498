import type { Transaction } from 'kysely';
import type { ErrorReportCategory } from '../../../contracts/directory';
import type { Database } from '../../platform/db/schema';
import { publishNotice } from '../../platform/inbox/publish-notice';
import { listFacilityEditorIds } from './facility-editor.queries';

/** Where an editor sees their facility, its pending request and a rejection's reason. */
export const MY_FACILITY_PATH = '/staff/directory/my-facility';

// The facility page's wording of the report kinds (web/features/directory/report-categories.messages.ts),
// so the editor reads what the resident chose.
const CATEGORY_LABELS: Record<ErrorReportCategory, string> = {
  phone: '電話番号・FAX',
  address: '住所・地図の場所',
  hours: '受付時間',
  closed: '閉院・休止している',
  capabilities: 'できること・受け入れ状況',
  other: 'その他',
};

type Facility = { id: string; name: string; municipalityCode: string };

async function tellEditors(
  trx: Transaction<Database>,
  facility: Facility,
  notice: { kind: string; title: string; body: string; recordId?: string },
): Promise<void> {
  await publishNotice(trx, {
    municipalityCode: facility.municipalityCode,
    kind: notice.kind,
    recipientUserIds: await listFacilityEditorIds(trx, facility.municipalityCode, facility.id),
    title: notice.title,
    body: notice.body,
    link: MY_FACILITY_PATH,
    recordType: 'facility',
    recordId: facility.id,
  });
}

/** The ward decided an editor's change: the facility's editors are told, a rejection with its reason. */
export async function noticeDecision(
  trx: Transaction<Database>,
  facility: Facility,
  decision: { outcome: 'approved' | 'rejected'; reason: string | null },
): Promise<void> {
  if (decision.outcome === 'approved') {
    await tellEditors(trx, facility, {
      kind: 'directory.change_request.approved',
      title: `変更の申請が承認されました（${facility.name}）`,
      body: [
        `${facility.name} の掲載内容の変更が承認され、公開中の情報に反映されました。`,
        ...(decision.reason ? [`区からのコメント：${decision.reason}`] : []),
        '',
        'Your change to the listing was approved and is now public.',
      ].join('\n'),
    });
    return;
  }
  await tellEditors(trx, facility, {
    kind: 'directory.change_request.rejected',
    title: `変更の申請が差し戻されました（${facility.name}）`,
    body: [
      `${facility.name} の掲載内容の変更は、次の理由で反映されませんでした。`,
      `理由：${decision.reason ?? ''}`,
      '内容を直して、施設ページからもう一度申請してください。',
      '',
      'Your change was not applied, for the reason above. Correct it and submit it again from your facility page.',
    ].join('\n'),
  });
}

/** A resident reported an error in the entry: the editors can correct it with a change request. */
export async function noticeErrorReport(
  trx: Transaction<Database>,
  facility: Facility,
  report: { category: ErrorReportCategory; message: string },
): Promise<void> {
  await tellEditors(trx, facility, {
    kind: 'directory.error_report.received',
    title: `掲載内容の誤りが報告されました（${facility.name}）`,
    body: [
      `区民の方から、${facility.name} の掲載内容について「${CATEGORY_LABELS[report.category]}」の誤りの報告がありました。`,
      `報告の内容：${report.message}`,
      '内容を確認し、誤りがあれば施設ページから変更を申請してください。区も確認します。',
      '',
      'A resident reported an error in your listing. Check it and submit a change from your facility page if needed.',
    ].join('\n'),
  });
}

/** The yearly reminder: the capabilities were not confirmed for 12 months. */
export async function noticeReminder(trx: Transaction<Database>, facility: Facility): Promise<void> {
  await tellEditors(trx, facility, {
    kind: 'directory.confirmation.reminder',
    title: `掲載内容の確認をお願いします（${facility.name}）`,
    body: [
      `${facility.name} の「在宅医療・介護の対応」が12か月以上確認されていません。`,
      '施設ページで内容を確認し、変更がなければ「内容に変更はありません」を、変更があれば変更の申請をしてください。',
      '',
      'Your listing was not confirmed for 12 months. Confirm it, or submit a change, from your facility page.',
    ].join('\n'),
  });
}
