import '../directory.css';
import './staff.css';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { StatsViewsResponse } from '../../../../contracts/directory';
import { ErrorAlert } from '../../../components/alert';
import { TextField } from '../../../components/field';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { TableScroll } from '../../../components/table-scroll';
import { DIRECTORY_STAFF_NS } from './staff-i18n';
import {
  Downloads,
  FacilitiesSection,
  type Range,
  SearchesSection,
  useStats,
  ZeroResultsSection,
} from './stats-sections';

/**
 * ward_admin: page views and searches per month and per fiscal year (the council's figure),
 * per facility, top searches and zero-result searches, each downloadable as CSV or xlsx.
 */
export function StatisticsPage() {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const [params, setParams] = useSearchParams();
  const range: Range = { from: params.get('from') || undefined, to: params.get('to') || undefined };
  const period = params.get('period') === 'fiscal_year' ? 'fiscal_year' : 'month';
  const setParam = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return (
    <>
      <PageHeading title={t('stats.title')} />
      <p>{t('stats.lead')}</p>
      <RangeForm range={range} onApply={(r) => setParam({ from: r.from ?? '', to: r.to ?? '' })} />
      <ViewsSection
        range={range}
        period={period}
        onPeriod={(p) => setParam({ period: p === 'month' ? '' : p })}
      />
      <div className="dir-stats-grid">
        <FacilitiesSection range={range} />
        <SearchesSection range={range} />
      </div>
      <ZeroResultsSection range={range} />
    </>
  );
}

function RangeForm({ range, onApply }: { range: Range; onApply: (range: Range) => void }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const [from, setFrom] = useState(range.from ?? '');
  const [to, setTo] = useState(range.to ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ from: from || undefined, to: to || undefined });
  };
  return (
    <form className="filters" onSubmit={submit} aria-label={t('stats.range')}>
      <TextField label={t('stats.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      <TextField label={t('stats.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      <div className="field">
        <button type="submit" className="button">
          {t('stats.apply')}
        </button>
      </div>
    </form>
  );
}

function Bar({ value, max }: { value: number; max: number }) {
  const width = max > 0 ? Math.round((value / max) * 100) : 0;
  return <span className="dir-bar" aria-hidden="true" style={{ width: `${width}%` }} />;
}

function ViewsSection({
  range,
  period,
  onPeriod,
}: {
  range: Range;
  period: 'month' | 'fiscal_year';
  onPeriod: (period: 'month' | 'fiscal_year') => void;
}) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const views = useStats<StatsViewsResponse>('views', { ...range, period });
  const max = Math.max(0, ...(views.data?.rows ?? []).map((row) => row.facilityViews));
  return (
    <section aria-labelledby="dir-stats-views">
      <h2 id="dir-stats-views">{t('stats.viewsTitle')}</h2>
      <fieldset className="dir-view-toggle">
        <legend className="visually-hidden">{t('stats.period')}</legend>
        {(['month', 'fiscal_year'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className={`button button--small ${period === value ? '' : 'button--secondary'}`}
            aria-pressed={period === value}
            onClick={() => onPeriod(value)}
          >
            {t(value === 'month' ? 'stats.month' : 'stats.fiscalYear')}
          </button>
        ))}
      </fieldset>
      {views.error ? <ErrorAlert error={views.error} /> : null}
      {views.isPending ? <Loading /> : null}
      {views.data ? (
        <TableScroll label={t('stats.viewsTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('stats.label')}</th>
                <th scope="col" className="dir-number">
                  {t('stats.facilityViews')}
                </th>
                <th scope="col" className="dir-number">
                  {t('stats.searches')}
                </th>
              </tr>
            </thead>
            <tbody>
              {views.data.rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td className="dir-number">
                    {row.facilityViews.toLocaleString('ja-JP')}
                    <Bar value={row.facilityViews} max={max} />
                  </td>
                  <td className="dir-number">{row.searches.toLocaleString('ja-JP')}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('stats.total')}</th>
                <td className="dir-number">{views.data.total.facilityViews.toLocaleString('ja-JP')}</td>
                <td className="dir-number">{views.data.total.searches.toLocaleString('ja-JP')}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      ) : null}
      <Downloads report={period === 'month' ? 'views_month' : 'views_fiscal_year'} range={range} />
    </section>
  );
}
