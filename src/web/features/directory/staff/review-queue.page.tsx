import '../directory.css';
import './staff.css';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ChangeRequestDto } from '../../../../contracts/directory';
import { ErrorAlert } from '../../../components/alert';
import { DateTime } from '../../../components/date-time';
import { SelectField } from '../../../components/field';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { TableScroll } from '../../../components/table-scroll';
import { useChangeRequests } from './staff.api';
import { DIRECTORY_STAFF_NS } from './staff-i18n';

const STATUSES = ['pending', 'approved', 'rejected'] as const;
const SOURCES = ['editor', 'resident_report'] as const;
const PAGE = 50;

/** ward_admin: facilities' change requests and residents' reports, oldest pending first. */
export function ReviewQueuePage() {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'pending';
  const source = params.get('source') ?? '';
  const limit = Math.min(Number(params.get('limit')) || PAGE, 200);
  const requests = useChangeRequests({ status: status || undefined, source: source || undefined, limit });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    next.delete('limit');
    setParams(next);
  };

  return (
    <>
      <PageHeading title={t('review.title')} />
      <p>{t('review.lead')}</p>
      <div className="filters">
        <SelectField
          label={t('review.statusFilter')}
          value={status}
          emptyLabel={t('review.all')}
          options={STATUSES.map((value) => ({ value, label: t(`review.statuses.${value}`) }))}
          onChange={(event) => set('status', event.target.value)}
        />
        <SelectField
          label={t('review.sourceFilter')}
          value={source}
          emptyLabel={t('review.all')}
          options={SOURCES.map((value) => ({ value, label: t(`review.sources.${value}`) }))}
          onChange={(event) => set('source', event.target.value)}
        />
      </div>
      {requests.error ? <ErrorAlert error={requests.error} /> : null}
      {requests.isPending ? <Loading /> : null}
      {requests.data ? (
        <>
          <p role="status">{t('review.count', { count: requests.data.total })}</p>
          {requests.data.items.length === 0 ? (
            <p>{t('review.none')}</p>
          ) : (
            <RequestTable items={requests.data.items} />
          )}
          {requests.data.total > requests.data.items.length && limit < 200 ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => set('limit', String(limit + PAGE))}
            >
              {t('review.more')}
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function RequestTable({ items }: { items: ChangeRequestDto[] }) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  return (
    <TableScroll label={t('review.title')}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('review.submittedAt')}</th>
            <th scope="col">{t('review.facility')}</th>
            <th scope="col">{t('review.source')}</th>
            <th scope="col">{t('review.summary')}</th>
            <th scope="col">{t('review.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <DateTime value={item.submittedAt} language={i18n.language} />
              </td>
              <th scope="row">
                <Link to={`/staff/directory/review/${item.id}`}>{item.facility.name}</Link>
              </th>
              <td>{t(`review.sources.${item.source}`)}</td>
              <td>{summary(item, t)}</td>
              <td>
                <span className={`badge ${badgeClass(item.status)}`}>
                  {t(`review.statuses.${item.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function summary(
  item: ChangeRequestDto,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (item.source === 'resident_report') {
    const category = item.reportCategory ? t(`review.categories.${item.reportCategory}`) : '';
    const message = (item.reportMessage ?? '').slice(0, 60);
    return `${category}：${message}${(item.reportMessage ?? '').length > 60 ? '…' : ''}`;
  }
  const fields = Object.keys(item.changes ?? {});
  return `${t('review.fields', { count: fields.length })}（${fields.map((f) => t(`field.${f}`)).join('、')}）`;
}

function badgeClass(status: ChangeRequestDto['status']): string {
  if (status === 'approved') return 'badge--success';
  if (status === 'rejected') return 'badge--error';
  return 'badge--warning';
}
