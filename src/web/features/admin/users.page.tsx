import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AdminUser, accountsApi, type UserList, type UserListQuery } from '../../../contracts/accounts';
import { api } from '../../app/api';
import { Alert, ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { SelectField, TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableScroll } from '../../components/table-scroll';
import { useLanguage } from '../../i18n/i18n';
import './admin.messages';
import { FilterForm } from './filter-form';
import { LoadMore } from './load-more';
import { useOrganisations } from './organisations.queries';

type UserAction = { user: AdminUser; path: string };

function UserStatusBadges({ user }: { user: AdminUser }) {
  const { t } = useTranslation('admin');
  const locked = user.lockedUntil && new Date(user.lockedUntil) > new Date();
  return (
    <>
      <span className={`badge ${user.status === 'active' ? 'badge--success' : 'badge--error'}`}>
        {user.status === 'active' ? t('users.active') : t('users.disabled')}
      </span>{' '}
      {locked ? <span className="badge badge--warning">{t('users.locked')}</span> : null}{' '}
      {user.isDemo ? <span className="badge">{t('users.demo')}</span> : null}
    </>
  );
}

/** Ward admin: staff accounts, with disable/enable and two-factor reset. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const organisations = useOrganisations();
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
    mutationFn: ({ path }: UserAction) => api<AdminUser>(path, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });

  function run(user: AdminUser, path: string, question?: string) {
    if (question && !window.confirm(question)) return;
    act.mutate({ user, path });
  }

  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeading title={t('users.title')} />
      <p className="page-narrow">{t('users.intro')}</p>
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
      {act.data ? (
        <Alert kind="success">
          <p>{t('users.done', { name: act.data.displayName })}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={users.error ?? act.error} />
      {users.isPending ? <Loading /> : null}
      {users.data && items.length === 0 ? <p>{t('common.none')}</p> : null}
      {items.length > 0 ? (
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
              {items.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    {user.displayName}
                    <span className="field__hint mono">{user.email}</span>
                  </th>
                  <td>
                    <UserStatusBadges user={user} />
                  </td>
                  <td>{user.twoFactorEnrolled ? t('users.enrolled') : t('users.notEnrolled')}</td>
                  <td>
                    <ul className="plain-list">
                      {user.memberships.map((m) => (
                        <li key={m.id}>
                          {m.organisationName}（{common(`roles.${m.role}`)}）
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <DateTime value={user.lastLoginAt} language={language} />
                  </td>
                  <td>
                    <div className="table-actions">
                      {user.status === 'active' ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={act.isPending}
                          aria-label={`${t('users.disable')}: ${user.displayName}`}
                          onClick={() =>
                            run(
                              user,
                              accountsApi.userDisable(user.id),
                              t('users.disableConfirm', { name: user.displayName }),
                            )
                          }
                        >
                          {t('users.disable')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={act.isPending}
                          aria-label={`${t('users.enable')}: ${user.displayName}`}
                          onClick={() => run(user, accountsApi.userEnable(user.id))}
                        >
                          {t('users.enable')}
                        </button>
                      )}
                      {user.twoFactorEnrolled ? (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={act.isPending}
                          aria-label={`${t('users.resetTwoFactor')}: ${user.displayName}`}
                          onClick={() =>
                            run(
                              user,
                              accountsApi.userResetTwoFactor(user.id),
                              t('users.resetConfirm', { name: user.displayName }),
                            )
                          }
                        >
                          {t('users.resetTwoFactor')}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
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
