import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  type ConsultationFiguresResponse,
  consulterKinds,
  gapFlags,
  referralSources,
  routingTargets,
} from '../../../contracts/consultations';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { FiscalYearSelect, useFiscalYearParam } from '../../components/fiscal-year';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableScroll } from '../../components/table-scroll';
import { useLanguage } from '../../i18n/i18n';
import './consultations.messages';

/** A two-column table of counts: one row per item. */
function CountTable({ title, rows }: { title: string; rows: Array<{ label: string; value: number }> }) {
  const { t } = useTranslation('consultations');
  return (
    <section>
      <h2>{title}</h2>
      <TableScroll label={title}>
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.item')}</th>
              <th scope="col">{t('figures.count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/**
 * 在宅療養相談の実績: persons (実数) and contacts (延数) of a 令和N年度, by month, window, who
 * consulted, medical institutions in or outside the ward, referral source, はざま and routing. A 包括
 * sees its own window, the ward admin every window.
 */
export function ConsultationFiguresPage() {
  const { t } = useTranslation('consultations');
  const language = useLanguage();
  const year = useFiscalYearParam();
  const { fiscalYear } = year;
  const figures = useQuery({
    queryKey: ['consultations', 'figures', fiscalYear],
    queryFn: ({ signal }) =>
      api<ConsultationFiguresResponse>('/api/consultations/figures', { query: { fiscalYear }, signal }),
  });
  const f = figures.data;
  return (
    <>
      <PageHeading title={t('figures.title')} />
      <p className="page-narrow">{t('figures.intro')}</p>
      <FiscalYearSelect param={year} label={t('figures.year')} />
      {figures.isPending ? <Loading /> : null}
      <ErrorAlert error={figures.error} />
      {f ? (
        <>
          <p>{f.scope === 'ward' ? t('figures.introWard') : t('figures.introWindow')}</p>
          <section>
            <h2>{t('figures.months')}</h2>
            <TableScroll label={t('figures.months')}>
              <table className="table">
                <caption className="visually-hidden">{t('figures.months')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('figures.month')}</th>
                    <th scope="col">{t('figures.persons')}</th>
                    <th scope="col">{t('figures.contacts')}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{language === 'ja' ? `${Number(m.month.slice(5))}月` : m.month}</th>
                      <td>{m.persons}</td>
                      <td>{m.contacts}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{t('figures.total')}</th>
                    <td data-testid="figures-persons">{f.total.persons}</td>
                    <td data-testid="figures-contacts">{f.total.contacts}</td>
                  </tr>
                </tbody>
              </table>
            </TableScroll>
          </section>
          <section>
            <h2>{t('figures.byWindow')}</h2>
            <TableScroll label={t('figures.byWindow')}>
              <table className="table">
                <caption className="visually-hidden">{t('figures.byWindow')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('figures.window')}</th>
                    <th scope="col">{t('figures.persons')}</th>
                    <th scope="col">{t('figures.contacts')}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.byWindow.map((w) => (
                    <tr key={w.organisationId}>
                      <th scope="row">{w.name}</th>
                      <td>{w.persons}</td>
                      <td>{w.contacts}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
          <CountTable
            title={t('figures.byConsulter')}
            rows={consulterKinds.map((k) => ({ label: t(`consulter.${k}`), value: f.byConsulter[k] ?? 0 }))}
          />
          <CountTable
            title={t('figures.institutions')}
            rows={(['yes', 'no', 'unknown'] as const).map((k) => ({
              label: t(`inWard.${k}`),
              value: f.medicalInstitutions[k] ?? 0,
            }))}
          />
          <CountTable
            title={t('figures.sources')}
            rows={referralSources.map((k) => ({ label: t(`source.${k}`), value: f.referralSources[k] ?? 0 }))}
          />
          <CountTable
            title={t('figures.flags')}
            rows={gapFlags.map((k) => ({ label: t(`flag.${k}`), value: f.flags[k] ?? 0 }))}
          />
          <CountTable
            title={t('figures.routed')}
            rows={routingTargets.map((k) => ({ label: t(`routing.${k}`), value: f.routedTo[k] ?? 0 }))}
          />
        </>
      ) : null}
    </>
  );
}
