import { stringify } from 'csv-stringify/sync';
import type { FigureCells, FiguresResponse, PendingShare, Share } from '../../../contracts/figures';

/** The columns of the council's CSV: Japanese headings (the sheet goes to the meeting as it is). */
const COLUMNS: Array<[string, (c: FigureCells) => string | number]> = [
  ['退院支援件数', (c) => c.discharges.total],
  ['うち区内病院', (c) => c.discharges.inWard],
  ['うち区外病院', (c) => c.discharges.outsideWard],
  ['担当変更の提案', (c) => c.changes.proposed],
  ['変更確定', (c) => c.changes.confirmed],
  ['現担当を継続', (c) => c.changes.keptCurrent],
  ['併診', (c) => c.changes.sharedCare],
  ['紹介状前の同意（%）', (c) => pendingPercent(c.consentBeforeReferral)],
  ['退院前に通知した割合（%）', (c) => percent(c.toldBeforeDischarge)],
  ['退院前に通知した件数', (c) => c.toldBeforeDischarge.numerator],
  ['通知件数（退院分）', (c) => c.toldBeforeDischarge.denominator],
  ['確認件数', (c) => c.acknowledgment.count],
  ['確認までの時間 中央値（時間）', (c) => c.acknowledgment.medianHours ?? ''],
  ['確認までの時間 90パーセンタイル（時間）', (c) => c.acknowledgment.p90Hours ?? ''],
  ['エスカレーション', (c) => c.escalations],
  ['例外確定', (c) => c.overrides.total],
  ['例外: 緊急', (c) => c.overrides.byReason.emergency],
  ['例外: 現担当に連絡不能', (c) => c.overrides.byReason.patient_unreachable_incumbent],
  ['例外: 現担当の廃止', (c) => c.overrides.byReason.incumbent_closed],
  ['例外: その他', (c) => c.overrides.byReason.other],
  ['通知: アプリ内', (c) => c.channels.inbox],
  ['通知: メール', (c) => c.channels.email],
  ['通知: FAX', (c) => c.channels.fax],
  ['通知: 電話', (c) => c.channels.phone],
  ['看護サマリー24時間以内既読（%）', (c) => pendingPercent(c.nursingSummariesReadWithin24h)],
];

function percent(share: Share): string | number {
  return share.ratio === null ? '' : Math.round(share.ratio * 1000) / 10;
}

function pendingPercent(figure: PendingShare): string | number {
  return figure.pending || !figure.value ? '集計準備中' : percent(figure.value);
}

/** The figures as CSV for Excel: UTF-8 with a BOM (Excel reads BOM-less UTF-8 as Shift_JIS). */
export function presentFiguresCsv(figures: FiguresResponse): string {
  const rows: Array<Array<string | number>> = [['月', ...COLUMNS.map(([heading]) => heading)]];
  for (const month of figures.months) rows.push([month.month, ...COLUMNS.map(([, cell]) => cell(month))]);
  rows.push([`${figures.label} 合計`, ...COLUMNS.map(([, cell]) => cell(figures.total))]);
  return `\uFEFF${stringify(rows)}`;
}
