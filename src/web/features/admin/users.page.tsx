import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AdminUser, accountsApi, type UserList, type UserListQuery } from '../../../contracts/accounts';
import { api } from '../../app/api';
import { Alert, ErrorAlert } from '../../components/alert';
import { SelectField, TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableScroll } from '../../components/table-scroll';
import './admin.messages';
import { FilterForm } from './filter-form';
import { LoadMore } from './load-more';
import { useOrganisations } from './organisations.queries';
import { type RunUserAction, UserRow } from './user-row';

function UserFilters({ filters }: { filters: Partial<UserListQuery> }) {
  const { t } = useTranslation('admin');
  const organisations = useOrganisations();
  return (
    <FilterForm>
      <TextField label={t('users.filterQ')} name="q" type="search" defaultValue={filters.q ?? ''} />
      <SelectField
        label={t('users.filterStatus')}
        name="status"
        emptyLabel={t('common.all')}
        defaultValue={filters.status ?? ''}
        options={[
          { value: 'active', label: t('users.active') },
          { value: 'disabled', label: t('users.disabled') },
        ]}
      />
      <SelectField
        label={t('users.filterOrganisation')}
        name="organisationId"
        emptyLabel={t('common.all')}
        defaultValue={filters.organisationId ?? ''}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
    </FilterForm>
  );
}

function UserTable({ users, run, busy }: { users: AdminUser[]; run: RunUserAction; busy: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <TableScroll label={t('users.listTitle')}>
      <table className="table">
        <caption className="visually-hidden">{t('users.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.twoFactor')}</th>
            <th scope="col">{t('users.memberships')}</th>
            <th scope="col">{t('users.lastLogin')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} run={run} busy={busy} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Ward admin: staff accounts, with disable/enable and two-factor reset. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const [params] = useSearchParams();
  const filters: Partial<UserListQuery> = {
    q: params.get('q') || undefined,
    status: (params.get('status') || undefined) as UserListQuery['status'],
    organisationId: params.get('organisationId') || undefined,
  };
  const client = useQueryClient();
  const users = useInfiniteQuery({
    queryKey: ['admin', 'users', filters],
    queryFn: ({ pageParam, signal }) =>
      api<UserList>(accountsApi.users, { query: { ...filters, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const act = useMutation({
    mutationFn: (path: string) => api<AdminUser>(path, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
  const run: RunUserAction = (path, question) => {
    if (question && !window.confirm(question)) return;
    act.mutate(path);
  };

  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading title={t('users.title')} />
      <p className="page-narrow">{t('users.intro')}</p>
      <UserFilters filters={filters} />
      {act.data ? (
        <Alert kind="success">
          <p>{t('users.done', { name: act.data.displayName })}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={users.error ?? act.error} />
      {users.isPending ? <Loading /> : null}
      {users.data && items.length === 0 ? <p>{t('common.none')}</p> : null}
      {items.length > 0 ? <UserTable users={items} run={run} busy={act.isPending} /> : null}
      {users.data ? (
        <LoadMore
          shown={items.length}
          hasMore={Boolean(users.hasNextPage)}
          loading={users.isFetchingNextPage}
          onMore={() => void users.fetchNextPage()}
        />
      ) : null}
    </>
  );
}
