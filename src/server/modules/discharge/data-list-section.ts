import type { Bilingual, DataListFigure, DataListUnit } from '../../../contracts/council';
import { type FigureCells, type PendingShare, REIWA_OFFSET, type Share } from '../../../contracts/figures';
import {
  type DataListPeriod,
  type DataListSectionProvider,
  type DataListSectionRow,
  periodWhen,
  plainFigure,
} from '../../platform/data-list/data-list-sections';
import { getFigures } from './figures.service';

type Value = { value: number | null; numerator?: number; denominator?: number; pending?: boolean };
type Line = {
  key: string;
  label: Bilingual;
  unit: DataListUnit;
  note?: Bilingual;
  pick(c: FigureCells): Value;
};

const count = (pick: (c: FigureCells) => number) => (c: FigureCells) => ({ value: pick(c) });
const hours = (pick: (c: FigureCells) => number | null) => (c: FigureCells) => ({ value: pick(c) });
const percentOf = (share: Share): Value => ({
  value: share.ratio === null ? null : Math.round(share.ratio * 1000) / 10,
  numerator: share.numerator,
  denominator: share.denominator,
});
const pendingPercent = (pick: (c: FigureCells) => PendingShare) => (c: FigureCells) => {
  const figure = pick(c);
  return figure.pending || !figure.value ? { value: null, pending: true } : percentOf(figure.value);
};

/** The year's totals of the discharge figures (decision 031 defines each), in the council's order. */
const LINES: Line[] = [
  {
    key: 'discharges',
    label: { ja: '退院支援の件数', en: 'Discharges coordinated' },
    unit: 'count',
    pick: count((c) => c.discharges.total),
  },
  {
    key: 'discharges_in_ward',
    label: { ja: 'うち区内の病院', en: 'of which at hospitals in the ward' },
    unit: 'count',
    pick: count((c) => c.discharges.inWard),
  },
  {
    key: 'discharges_outside_ward',
    label: { ja: 'うち区外の病院', en: 'of which at hospitals outside the ward' },
    unit: 'count',
    pick: count((c) => c.discharges.outsideWard),
  },
  {
    key: 'changes_proposed',
    label: { ja: '担当変更の提案', en: 'Provider changes proposed' },
    unit: 'count',
    pick: count((c) => c.changes.proposed),
  },
  {
    key: 'changes_confirmed',
    label: { ja: '変更の確定', en: 'Changes confirmed' },
    unit: 'count',
    note: { ja: '例外による確定を含む', en: 'Including confirmations by override' },
    pick: count((c) => c.changes.confirmed),
  },
  {
    key: 'changes_kept_current',
    label: { ja: '現在の担当を継続', en: 'Current provider kept' },
    unit: 'count',
    pick: count((c) => c.changes.keptCurrent),
  },
  {
    key: 'changes_shared_care',
    label: { ja: '併診', en: 'Shared care' },
    unit: 'count',
    pick: count((c) => c.changes.sharedCare),
  },
  {
    key: 'overrides',
    label: { ja: '例外による確定', en: 'Confirmed by override' },
    unit: 'count',
    pick: count((c) => c.overrides.total),
  },
  {
    key: 'escalations',
    label: {
      ja: 'エスカレーション（包括・病院連携室への引継ぎ）',
      en: 'Escalations to the 包括 and the hospital',
    },
    unit: 'count',
    pick: count((c) => c.escalations),
  },
  {
    key: 'told_before_discharge',
    label: { ja: '退院前に現在の担当へ通知した割合', en: 'Current providers told before discharge' },
    unit: 'percent',
    note: {
      ja: 'その年度に退院した人の通知のうち、退院前に送信・既読・確認のいずれかがあったもの',
      en: 'Notices of the year’s discharges sent, read or acknowledged before the discharge',
    },
    pick: (c) => percentOf(c.toldBeforeDischarge),
  },
  {
    key: 'consent_before_referral',
    label: { ja: '紹介状の前に同意を記録した割合', en: 'Consent recorded before the referral letter' },
    unit: 'percent',
    pick: pendingPercent((c) => c.consentBeforeReferral),
  },
  {
    key: 'acknowledgments',
    label: { ja: '通知の確認件数', en: 'Notices acknowledged' },
    unit: 'count',
    pick: count((c) => c.acknowledgment.count),
  },
  {
    key: 'acknowledgment_median',
    label: { ja: '通知の確認までの時間（中央値）', en: 'Time to acknowledgment (median)' },
    unit: 'hours',
    pick: hours((c) => c.acknowledgment.medianHours),
  },
  {
    key: 'acknowledgment_p90',
    label: { ja: '通知の確認までの時間（90パーセンタイル）', en: 'Time to acknowledgment (90th percentile)' },
    unit: 'hours',
    pick: hours((c) => c.acknowledgment.p90Hours),
  },
  {
    key: 'nursing_summaries_read',
    label: { ja: '看護サマリーを24時間以内に既読にした割合', en: 'Nursing summaries read within 24 h' },
    unit: 'percent',
    pick: pendingPercent((c) => c.nursingSummariesReadWithin24h),
  },
];

function figureOf(v: Value, period: DataListPeriod): DataListFigure {
  return {
    ...plainFigure(v.value, periodWhen(period)),
    numerator: v.numerator ?? null,
    denominator: v.denominator ?? null,
    pending: v.pending ?? false,
  };
}

/**
 * The discharge figures' year totals in the council's data list: it calls getFigures for the
 * 令和N年度 (the same months and definitions as /figures), so the two pages never disagree.
 */
export const dischargeDataListSection: DataListSectionProvider = {
  id: 'discharge',
  title: { ja: '退院支援と切れ目のない連携', en: 'Discharge support and continuity of care' },
  source: {
    ja: '本システムの退院支援・担当変更・通知の記録（退院支援の実績と同じ集計）',
    en: 'This system’s discharge cases, provider changes and notices (as the discharge figures)',
  },
  async rows(deps, ctx, period): Promise<DataListSectionRow[]> {
    const figures = await getFigures(deps, ctx, { fiscalYear: period.fiscalYear - REIWA_OFFSET });
    return LINES.map((line) => ({
      key: line.key,
      label: line.label,
      unit: line.unit,
      ...(line.note ? { note: line.note } : {}),
      figure: figureOf(line.pick(figures.total), period),
    }));
  },
};
