import '../directory.css';
import './staff.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FacilityHistoryEntry } from '../../../../contracts/directory';
import { hasRole, useSession } from '../../../app/session';
import { ErrorAlert } from '../../../components/alert';
import { DateTime, formatDateTime } from '../../../components/date-time';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { TableScroll } from '../../../components/table-scroll';
import { useFacility } from '../shared/directory.api';
import { FieldValue } from './field-value';
import { historyTitle } from './history-title';
import { useFacilityHistory } from './staff.api';
import { DIRECTORY_STAFF_NS } from './staff-i18n';

/** Every version of a facility, newest first: who changed what, from what to what. */
export function FacilityHistoryPage() {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const { id = '' } = useParams();
  const history = useFacilityHistory(id);
  const facility = useFacility(id);
  const title = facility.data ? `${t('history.title')}：${facility.data.name}` : t('history.title');
  return (
    <>
      <PageHeading title={title} />
      {facility.data ? (
        <p>
          <Link to={`/facilities/${id}`}>{facility.data.name}</Link>
        </p>
      ) : null}
      {history.error ? <ErrorAlert error={history.error} /> : null}
      {history.isPending ? <Loading /> : null}
      {history.data?.items.length === 0 ? <p>{t('history.none')}</p> : null}
      <ol className="dir-history">
        {[...(history.data?.items ?? [])]
          .sort((a, b) => b.version - a.version || b.id - a.id)
          .map((entry) => (
            <HistoryEntry key={entry.id} entry={entry} />
          ))}
      </ol>
    </>
  );
}

function HistoryEntry({ entry }: { entry: FacilityHistoryEntry }) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  // The review page is the ward's: an editor reads their own requests on the my-facility page.
  const reviewer = hasRole(useSession().data, 'ward_admin');
  const fields = Object.entries(entry.changes);
  const title = historyTitle(entry, t);
  return (
    <li className="dir-history__entry">
      <h2 className="dir-history__title">{title}</h2>
      <p className="dir-history__meta">
        <DateTime value={entry.changedAt} language={i18n.language} />
        {entry.changedBy ? `　${t('history.by', { name: entry.changedBy })}` : null}
        {entry.changeRequestId && reviewer ? (
          <>
            {'　'}
            <Link to={`/staff/directory/review/${entry.changeRequestId}`}>{t('history.request')}</Link>
          </>
        ) : null}
      </p>
      {fields.length === 0 ? (
        <p>{t('history.noFieldChanges')}</p>
      ) : (
        <TableScroll label={`${title} ${formatDateTime(entry.changedAt, i18n.language)}`}>
          <table className="table dir-diff">
            <thead>
              <tr>
                <th scope="col">{t('review.field')}</th>
                <th scope="col">{t('review.before')}</th>
                <th scope="col">{t('review.after')}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map(([field, change]) => (
                <tr key={field}>
                  <th scope="row">{t(`field.${field}`, { defaultValue: field })}</th>
                  <td>
                    <FieldValue field={field} value={change.before} other={change.after} mark="removed" />
                  </td>
                  <td>
                    <FieldValue field={field} value={change.after} other={change.before} mark="added" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </li>
  );
}
