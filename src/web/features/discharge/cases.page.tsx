import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/alert';
import { SelectField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ShowMore } from '../../components/show-more';
import { TableScroll } from '../../components/table-scroll';
import { useCases } from './discharge.api';
import './discharge.messages';

const FILTERS = ['active', 'all', 'escalated'] as const;

/** Hospital staff's own cases; the 包括's district cases and its escalation queue (filter). */
export function CasesPage() {
  const { t } = useTranslation('discharge');
  const [params, setParams] = useSearchParams();
  const filter = FILTERS.find((f) => f === params.get('filter')) ?? 'active';
  const cases = useCases(filter);
  const items = cases.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeading title={t('list.title')} />
      <p className="page-narrow">{t('list.intro')}</p>
      <div className="button-row">
        <Link className="button" to="/staff/discharge/new">
          {t('list.open')}
        </Link>
        <Link className="button button--secondary" to="/staff/discharge/notices">
          {t('notices.title')}
        </Link>
      </div>
      <SelectField
        label={t('list.filter')}
        value={filter}
        onChange={(e) => setParams({ filter: e.target.value })}
        options={FILTERS.map((f) => ({ value: f, label: t(`list.filters.${f}`) }))}
      />
      {cases.isPending ? <Loading /> : null}
      <ErrorAlert error={cases.error} />
      {cases.data && items.length === 0 ? <p>{t('list.none')}</p> : null}
      {items.length > 0 ? (
        <TableScroll label={t('list.title')}>
          <table className="table">
            <caption className="visually-hidden">{t('list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.patient')}</th>
                <th scope="col">{t('list.hospital')}</th>
                <th scope="col">{t('list.admitted')}</th>
                <th scope="col">{t('list.expected')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.waiting')}</th>
                <th scope="col">{t('list.escalations')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/staff/discharge/${c.id}`}>{c.patientName}</Link>
                  </th>
                  <td>{c.hospitalName}</td>
                  <td>{c.admittedOn}</td>
                  <td>{c.expectedDischargeOn ?? '—'}</td>
                  <td>{t(`caseStatus.${c.status}`)}</td>
                  <td>{c.openChanges}</td>
                  <td>
                    {c.escalations > 0 ? <span className="badge badge--warning">{c.escalations}</span> : 0}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <ShowMore list={cases} label={t('list.more')} />
    </>
  );
}
