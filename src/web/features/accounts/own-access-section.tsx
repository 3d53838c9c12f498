import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountsApi, type OwnAccessEntry, type OwnAccessList } from '../../../contracts/accounts';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { formatDateTime } from '../../components/date-time';
import { Loading } from '../../components/loading';
import { useLanguage } from '../../i18n/i18n';
import './accounts.messages';

const SHOWN = 50;

/**
 * Who read or changed one's own account data, from the access log (issue 12 item 7: a person's
 * own accesses can be listed). The readers' addresses stay in the ward's log.
 */
export function OwnAccessSection() {
  const { t } = useTranslation('accounts');
  const language = useLanguage();
  const list = useQuery({
    queryKey: ['account', 'access-log'],
    queryFn: ({ signal }) =>
      api<OwnAccessList>(accountsApi.ownAccessLog, { query: { limit: SHOWN }, signal }),
  });
  const line = (entry: OwnAccessEntry) =>
    t('settings.accessEntry', {
      time: formatDateTime(entry.occurredAt, language),
      who: entry.actorLabel ?? t('settings.accessWhoUnknown'),
      what: t(entry.recordType === 'user' ? 'settings.accessWhat_user' : 'settings.accessWhat_other'),
      action: t(`settings.accessAction_${entry.action}`),
    });
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="own-access-title">
      <h2 id="own-access-title">{t('settings.accessTitle')}</h2>
      <p>{t('settings.accessBody')}</p>
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? (
        <p data-testid="own-access-none">{t('settings.accessNone')}</p>
      ) : null}
      {items.length > 0 ? (
        <ul data-testid="own-access-list">
          {items.map((entry) => (
            <li key={`${entry.occurredAt}|${entry.actorLabel}|${entry.recordType}|${entry.action}`}>
              {line(entry)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
