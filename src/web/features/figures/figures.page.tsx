import { useTranslation } from 'react-i18next';
import type { FigureCells, PendingShare, Share } from '../../../contracts/figures';
import { ErrorAlert } from '../../components/alert';
import { FiscalYearSelect, useFiscalYearParam } from '../../components/fiscal-year';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableScroll } from '../../components/table-scroll';
import { useBodyClass } from '../../components/use-body-class';
import { useLanguage } from '../../i18n/i18n';
import { figuresCsvUrl, useFigures } from './figures.api';
import './figures.css';
import './figures.messages';

type T = (key: string, options?: Record<string, unknown>) => string;
type Row = { key: string; cell: (c: FigureCells, t: T) => string };

const count = (pick: (c: FigureCells) => number) => (c: FigureCells) => String(pick(c));
const hours = (pick: (c: FigureCells) => number | null) => (c: FigureCells, t: T) => {
  const value = pick(c);
  return value === null ? t('none') : t('hours', { value });
};
function percent(share: Share, t: T): string {
  if (share.ratio === null) return t('none');
  return t('percent', {
    value: Math.round(share.ratio * 1000) / 10,
    numerator: share.numerator,
    denominator: share.denominator,
  });
}
const pending = (pick: (c: FigureCells) => PendingShare) => (c: FigureCells, t: T) => {
  const figure = pick(c);
  return figure.pending || !figure.value ? t('pending') : percent(figure.value, t);
};

/** The council's rows, in the order the data list reads (issue 14 item 9). */
const ROWS: Row[] = [
  { key: 'discharges', cell: count((c) => c.discharges.total) },
  { key: 'inWard', cell: count((c) => c.discharges.inWard) },
  { key: 'outsideWard', cell: count((c) => c.discharges.outsideWard) },
  { key: 'proposed', cell: count((c) => c.changes.proposed) },
  { key: 'confirmed', cell: count((c) => c.changes.confirmed) },
  { key: 'keptCurrent', cell: count((c) => c.changes.keptCurrent) },
  { key: 'sharedCare', cell: count((c) => c.changes.sharedCare) },
  { key: 'consentBeforeReferral', cell: pending((c) => c.consentBeforeReferral) },
  { key: 'toldBeforeDischarge', cell: (c, t) => percent(c.toldBeforeDischarge, t) },
  { key: 'ackMedian', cell: hours((c) => c.acknowledgment.medianHours) },
  { key: 'ackP90', cell: hours((c) => c.acknowledgment.p90Hours) },
  { key: 'escalations', cell: count((c) => c.escalations) },
  { key: 'overrides', cell: count((c) => c.overrides.total) },
  ...(['emergency', 'patient_unreachable_incumbent', 'incumbent_closed', 'other'] as const).map((reason) => ({
    key: `override_${reason}`,
    cell: count((c) => c.overrides.byReason[reason]),
  })),
  ...(['inbox', 'email', 'fax', 'phone'] as const).map((channel) => ({
    key: `channel_${channel}`,
    cell: count((c) => c.channels[channel]),
  })),
  { key: 'summariesRead', cell: pending((c) => c.nursingSummariesReadWithin24h) },
];

/** ward_admin: the discharge figures per month and for the 令和N年度, printable on A4, as CSV. */
export function FiguresPage() {
  const { t } = useTranslation('figures');
  const language = useLanguage();
  const year = useFiscalYearParam();
  const { fiscalYear, yearLabel } = year;
  const figures = useFigures(fiscalYear);
  useBodyClass('figures-print');
  const monthLabel = (month: string) =>
    language === 'ja'
      ? t('monthLabel', { month: Number(month.slice(5, 7)) })
      : new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${month}-01T00:00:00Z`),
        );
  return (
    <div className="figures-page">
      <PageHeading title={t('title')} />
      <p className="page-narrow">{t('intro')}</p>
      <div className="figures-controls no-print">
        <FiscalYearSelect param={year} label={t('fiscalYear')} hint={t('fiscalYearHint')} />
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t('print')}
          </button>
          <a className="button button--secondary" href={figuresCsvUrl(fiscalYear)} download>
            {t('csv')}
          </a>
        </div>
        <p className="field__hint">{t('csvHint')}</p>
      </div>
      {figures.error ? <ErrorAlert error={figures.error} /> : null}
      {figures.isPending ? <Loading /> : null}
      {figures.data ? (
        <>
          <TableScroll label={t('title')}>
            <table className="table figures-table">
              <caption>
                {t('title')} {yearLabel(fiscalYear)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('item')}</th>
                  {figures.data.months.map((m) => (
                    <th scope="col" key={m.month}>
                      {monthLabel(m.month)}
                    </th>
                  ))}
                  <th scope="col">{t('total')}</th>
                </tr>
              </thead>
              <tbody>
                {ROWS.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{t(`rows.${row.key}`)}</th>
                    {figures.data.months.map((m) => (
                      <td key={m.month}>{row.cell(m, t)}</td>
                    ))}
                    <td className="figures-total">{row.cell(figures.data.total, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {figures.data.total.consentBeforeReferral.pending ||
          figures.data.total.nursingSummariesReadWithin24h.pending ? (
            <p className="field__hint">{t('pendingNote')}</p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
