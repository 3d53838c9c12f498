import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  accountsApi,
  type OutboxList,
  type OutboxListQuery,
  type OutboxMail,
} from '../../../contracts/accounts';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { SelectField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableScroll } from '../../components/table-scroll';
import { useLanguage } from '../../i18n/i18n';
import './admin.messages';
import { FilterForm } from './filter-form';
import { LoadMore } from './load-more';
import { mailStatusBadge } from './mail-status';

function OutboxTable({ items }: { items: OutboxMail[] }) {
  const { t } = useTranslation('admin');
  const language = useLanguage();
  return (
    <TableScroll label={t('outbox.listTitle')}>
      <table className="table">
        <caption className="visually-hidden">{t('outbox.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outbox.subject')}</th>
            <th scope="col">{t('outbox.to')}</th>
            <th scope="col">{t('outbox.status')}</th>
            <th scope="col">{t('outbox.created')}</th>
            <th scope="col">{t('outbox.attempts')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((mail) => (
            <tr key={mail.id}>
              <th scope="row">
                <Link to={`/admin/outbox/${mail.id}`}>{mail.subject}</Link>
                <span className="field__hint mono">{mail.kind}</span>
              </th>
              <td className="mono">{mail.to}</td>
              <td>
                <span className={`badge ${mailStatusBadge[mail.status]}`}>{t(`outbox.${mail.status}`)}</span>
              </td>
              <td>
                <DateTime value={mail.createdAt} language={language} />
              </td>
              <td>{mail.attempts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Ward admin: the mail outbox (where the demo's invitation mails are read). */
export function OutboxPage() {
  const { t } = useTranslation('admin');
  const [params] = useSearchParams();
  const status = (params.get('status') || undefined) as OutboxListQuery['status'];
  const mails = useInfiniteQuery({
    queryKey: ['admin', 'outbox', status],
    queryFn: ({ pageParam, signal }) =>
      api<OutboxList>(accountsApi.outbox, { query: { status, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = mails.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading title={t('outbox.title')} />
      <p className="page-narrow">{t('outbox.intro')}</p>
      <FilterForm>
        <SelectField
          label={t('outbox.filterStatus')}
          name="status"
          emptyLabel={t('common.all')}
          defaultValue={status ?? ''}
          options={(['pending', 'sent', 'failed'] as const).map((value) => ({
            value,
            label: t(`outbox.${value}`),
          }))}
        />
      </FilterForm>
      <ErrorAlert error={mails.error} />
      {mails.isPending ? <Loading /> : null}
      {mails.data && items.length === 0 ? <p>{t('common.none')}</p> : null}
      {items.length > 0 ? <OutboxTable items={items} /> : null}
      {mails.data ? (
        <LoadMore
          shown={items.length}
          hasMore={Boolean(mails.hasNextPage)}
          loading={mails.isFetchingNextPage}
          onMore={() => void mails.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
