import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type StatsFacilitiesResponse,
  type StatsSearchesResponse,
  type StatsZeroResultsResponse,
  TOP_SEARCH_MIN_COUNT,
} from '../../../../contracts/directory';
import { api, apiUrl } from '../../../app/api';
import { ErrorAlert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { TableScroll } from '../../../components/table-scroll';
import { DIRECTORY_NS } from '../i18n';
import { DIRECTORY_STAFF_NS } from './staff-i18n';

export type Range = { from?: string; to?: string };
export type Report = 'views_month' | 'views_fiscal_year' | 'facilities' | 'searches' | 'zero_results';

export function useStats<T>(path: string, query: Record<string, string | undefined>) {
  return useQuery({
    queryKey: ['directory-staff', 'stats', path, query],
    queryFn: ({ signal }) => api<T>(`/api/directory/stats/${path}`, { query, signal }),
  });
}

/** CSV and xlsx of one report for the chosen period (the session cookie authorises the download). */
export function Downloads({ report, range }: { report: Report; range: Range }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const name = t(`stats.reports.${report}`);
  return (
    <ul className="dir-downloads">
      {(['csv', 'xlsx'] as const).map((format) => (
        <li key={format}>
          <a href={apiUrl('/api/directory/stats/export', { report, format, ...range })} download>
            {t('stats.downloadOf', { report: name, format: t(`stats.${format}`) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function FacilitiesSection({ range }: { range: Range }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const rows = useStats<StatsFacilitiesResponse>('facilities', { ...range, limit: '50' });
  return (
    <section aria-labelledby="dir-stats-facilities">
      <h2 id="dir-stats-facilities">{t('stats.facilitiesTitle')}</h2>
      {rows.error ? <ErrorAlert error={rows.error} /> : null}
      {rows.isPending ? <Loading /> : null}
      {rows.data && rows.data.rows.length === 0 ? <p>{t('stats.none')}</p> : null}
      {rows.data && rows.data.rows.length > 0 ? (
        <TableScroll label={t('stats.facilitiesTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('review.facility')}</th>
                <th scope="col" className="dir-number">
                  {t('stats.views')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.data.rows.map((row) => (
                <tr key={row.facilityId}>
                  <th scope="row">
                    <Link to={`/facilities/${row.facilityId}`}>{row.name}</Link>
                    <span className="dir-count">（{t(`type.${row.type}`, { ns: DIRECTORY_NS })}）</span>
                  </th>
                  <td className="dir-number">{row.views.toLocaleString('ja-JP')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <Downloads report="facilities" range={range} />
    </section>
  );
}

export function SearchesSection({ range }: { range: Range }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const rows = useStats<StatsSearchesResponse>('searches', { ...range, limit: '50' });
  return (
    <section aria-labelledby="dir-stats-searches">
      <h2 id="dir-stats-searches">{t('stats.searchesTitle')}</h2>
      <p className="field__hint">{t('stats.searchesHint', { min: TOP_SEARCH_MIN_COUNT })}</p>
      {rows.error ? <ErrorAlert error={rows.error} /> : null}
      {rows.isPending ? <Loading /> : null}
      {rows.data && rows.data.rows.length === 0 ? <p>{t('stats.none')}</p> : null}
      {rows.data && rows.data.rows.length > 0 ? (
        <TableScroll label={t('stats.searchesTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('stats.query')}</th>
                <th scope="col" className="dir-number">
                  {t('stats.count')}
                </th>
                <th scope="col" className="dir-number">
                  {t('stats.zeroResults')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.data.rows.map((row) => (
                <tr key={row.query}>
                  <th scope="row">{row.query}</th>
                  <td className="dir-number">{row.count.toLocaleString('ja-JP')}</td>
                  <td className="dir-number">{row.zeroResults.toLocaleString('ja-JP')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <Downloads report="searches" range={range} />
    </section>
  );
}

export function ZeroResultsSection({ range }: { range: Range }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const zero = useStats<StatsZeroResultsResponse>('zero-results', range);
  const tables = [
    {
      key: 'district',
      title: t('stats.byDistrict'),
      head: t('stats.district'),
      rows: zero.data?.byDistrict ?? [],
    },
    {
      key: 'capability',
      title: t('stats.byCapability'),
      head: t('stats.capability'),
      rows: zero.data?.byCapability ?? [],
    },
  ];
  return (
    <section aria-labelledby="dir-stats-zero">
      <h2 id="dir-stats-zero">{t('stats.zeroTitle')}</h2>
      {zero.error ? <ErrorAlert error={zero.error} /> : null}
      {zero.isPending ? <Loading /> : null}
      <div className="dir-stats-grid">
        {tables.map((table) => (
          <div key={table.key}>
            <h3>{table.title}</h3>
            {zero.data && table.rows.length === 0 ? <p>{t('stats.none')}</p> : null}
            {table.rows.length > 0 ? (
              <TableScroll label={table.title}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{table.head}</th>
                      <th scope="col" className="dir-number">
                        {t('stats.count')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.map((row) => (
                      <tr key={row.name}>
                        <th scope="row">{row.name}</th>
                        <td className="dir-number">{row.count.toLocaleString('ja-JP')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
          </div>
        ))}
      </div>
      <Downloads report="zero_results" range={range} />
    </section>
  );
}
