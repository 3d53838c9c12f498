import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../contracts/opendata';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { TableScroll } from '../../components/table-scroll';
import { useLanguage } from '../../i18n/i18n';

export const importHistoryKey = ['opendata', 'imports'] as const;

/** The municipality's last imports (dry runs and refused files too). */
export function ImportHistory() {
  const { t } = useTranslation('opendata');
  const language = useLanguage();
  const history = useQuery({
    queryKey: importHistoryKey,
    queryFn: () => api<{ items: ImportSummary[] }>('/api/admin/opendata/imports'),
  });
  const outcome = (item: ImportSummary) =>
    item.committed
      ? t('import.outcomeCommitted')
      : item.dryRun
        ? t('import.outcomeDry')
        : t('import.outcomeRefused');
  return (
    <section aria-labelledby="od-history">
      <h2 id="od-history">{t('import.historyTitle')}</h2>
      <ErrorAlert error={history.error} />
      {history.data && history.data.items.length > 0 ? (
        <TableScroll label={t('import.historyTitle')}>
          <table className="table">
            <caption className="visually-hidden">{t('import.historyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.when')}</th>
                <th scope="col">{t('import.file')}</th>
                <th scope="col">{t('import.outcome')}</th>
                <th scope="col">{t('import.rows')}</th>
                <th scope="col">{t('import.created')}</th>
                <th scope="col">{t('import.updated')}</th>
                <th scope="col">{t('import.rejected')}</th>
                <th scope="col">{t('import.by')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <DateTime value={item.startedAt} language={language} />
                  </td>
                  <td>{item.fileName}</td>
                  <td>{outcome(item)}</td>
                  <td>{item.rows}</td>
                  <td>{item.created}</td>
                  <td>{item.updated}</td>
                  <td>{item.rejected}</td>
                  <td>{item.importedBy ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
