import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AuditEntry, type AuditList, accountsApi } from '../../../contracts/accounts';
import { api, apiUrl } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { SelectField, TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableScroll } from '../../components/table-scroll';
import { useLanguage } from '../../i18n/i18n';
import './admin.messages';
import { actionName } from './audit-actions';
import { toAuditQuery } from './audit-filters';
import { FilterForm } from './filter-form';
import { LoadMore } from './load-more';

const outcomeBadge: Record<AuditEntry['outcome'], string> = {
  success: 'badge--success',
  failure: 'badge--error',
  denied: 'badge--warning',
};

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const language = useLanguage();
  return (
    <tr>
      <td>
        <DateTime value={entry.occurredAt} language={language} />
      </td>
      <td className="mono">{entry.actorLabel ?? t('audit.anonymous')}</td>
      <td>
        {actionName(entry.action, language) ?? null}
        <span className="field__hint mono">{entry.action}</span>
      </td>
      <td>
        <span className={`badge ${outcomeBadge[entry.outcome]}`}>{t(`audit.${entry.outcome}`)}</span>
      </td>
      <td className="mono">
        {entry.recordType ?? '—'}
        {entry.recordId ? <span className="field__hint">{entry.recordId}</span> : null}
      </td>
      <td className="mono">{entry.patientId ?? '—'}</td>
      <td className="mono">{entry.requestId ?? '—'}</td>
      <td className="mono">{entry.clientIp ?? '—'}</td>
    </tr>
  );
}

function AuditFilters({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation('admin');
  const outcomeOptions = (['success', 'failure', 'denied'] as const).map((value) => ({
    value,
    label: t(`audit.${value}`),
  }));
  return (
    <FilterForm label={t('audit.filtersTitle')}>
      <TextField label={t('audit.from')} name="from" type="date" defaultValue={params.get('from') ?? ''} />
      <TextField label={t('audit.to')} name="to" type="date" defaultValue={params.get('to') ?? ''} />
      <TextField label={t('audit.actor')} name="actor" defaultValue={params.get('actor') ?? ''} />
      <TextField
        label={t('audit.action')}
        hint={t('audit.actionHint')}
        name="action"
        defaultValue={params.get('action') ?? ''}
      />
      <TextField
        label={t('audit.recordType')}
        name="recordType"
        defaultValue={params.get('recordType') ?? ''}
      />
      <SelectField
        label={t('audit.outcome')}
        name="outcome"
        emptyLabel={t('common.all')}
        options={outcomeOptions}
        defaultValue={params.get('outcome') ?? ''}
      />
      <TextField label={t('audit.patientId')} name="patientId" defaultValue={params.get('patientId') ?? ''} />
    </FilterForm>
  );
}

function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t } = useTranslation('admin');
  return (
    <TableScroll label={t('audit.listTitle')}>
      <table className="table">
        <caption className="visually-hidden">{t('audit.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.occurredAt')}</th>
            <th scope="col">{t('audit.actorColumn')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.target')}</th>
            <th scope="col">{t('audit.patientId')}</th>
            <th scope="col">{t('audit.requestId')}</th>
            <th scope="col">{t('audit.clientIp')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Ward admin: the audit log with filters (kept in the URL) and CSV export of the same filters. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const [params] = useSearchParams();
  const filters = toAuditQuery(params);
  const entries = useInfiniteQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ pageParam, signal }) =>
      api<AuditList>(accountsApi.audit, { query: { ...filters, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading title={t('audit.title')} />
      <p className="page-narrow">{t('audit.intro')}</p>
      <AuditFilters params={params} />
      <p>
        <a className="button button--secondary" href={apiUrl(accountsApi.auditExport, filters)} download>
          {t('audit.download')}
        </a>
      </p>
      <ErrorAlert error={entries.error} />
      {entries.isPending ? <Loading /> : null}
      {entries.data && items.length === 0 ? <p>{t('common.none')}</p> : null}
      {items.length > 0 ? <AuditTable items={items} /> : null}
      {entries.data ? (
        <LoadMore
          shown={items.length}
          hasMore={Boolean(entries.hasNextPage)}
          loading={entries.isFetchingNextPage}
          onMore={() => void entries.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
