import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  accountsApi,
  type Invitation,
  type InvitationList,
  type InvitationListQuery,
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
import { InvitationForm } from './invitation-form';

export const invitationsKey = ['admin', 'invitations'] as const;

const statusBadge: Record<Invitation['status'], string> = {
  pending: 'badge--warning',
  accepted: 'badge--success',
  revoked: 'badge--error',
  expired: '',
};

/** Ward admin: invite staff by email, follow and revoke invitations. */
export function InvitationsPage() {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const status = (params.get('status') || undefined) as InvitationListQuery['status'];
  const client = useQueryClient();
  const list = useQuery({
    queryKey: [...invitationsKey, status],
    queryFn: ({ signal }) => api<InvitationList>(accountsApi.invitations, { query: { status }, signal }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<Invitation>(accountsApi.invitationRevoke(id), { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: invitationsKey }),
  });

  function confirmRevoke(invitation: Invitation) {
    if (window.confirm(t('invitations.revokeConfirm', { email: invitation.email })))
      revoke.mutate(invitation.id);
  }

  const statusOptions = (['pending', 'accepted', 'revoked', 'expired'] as const).map((value) => ({
    value,
    label: t(`invitations.${value}`),
  }));
  return (
    <>
      <PageHeading title={t('invitations.title')} />
      <p className="page-narrow">{t('invitations.intro')}</p>
      <InvitationForm onSent={() => client.invalidateQueries({ queryKey: invitationsKey })} />
      <section aria-labelledby="invitation-list-title">
        <h2 id="invitation-list-title">{t('invitations.listTitle')}</h2>
        <FilterForm>
          <SelectField
            label={t('invitations.filterStatus')}
            name="status"
            emptyLabel={t('common.all')}
            defaultValue={status ?? ''}
            options={statusOptions}
          />
        </FilterForm>
        <ErrorAlert error={list.error ?? revoke.error} />
        {list.isPending ? <Loading /> : null}
        {list.data && list.data.items.length === 0 ? <p>{t('common.none')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <TableScroll label={t('invitations.listTitle')}>
            <table className="table">
              <caption className="visually-hidden">{t('invitations.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('invitations.email')}</th>
                  <th scope="col">{t('invitations.organisation')}</th>
                  <th scope="col">{t('invitations.status')}</th>
                  <th scope="col">{t('invitations.created')}</th>
                  <th scope="col">{t('invitations.expires')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row" className="mono">
                      {invitation.email}
                    </th>
                    <td>
                      {invitation.organisationName}
                      <span className="field__hint">{common(`roles.${invitation.role}`)}</span>
                    </td>
                    <td>
                      <span className={`badge ${statusBadge[invitation.status]}`}>
                        {t(`invitations.${invitation.status}`)}
                      </span>
                    </td>
                    <td>
                      <DateTime value={invitation.createdAt} language={language} />
                      {invitation.invitedByLabel ? (
                        <span className="field__hint">{invitation.invitedByLabel}</span>
                      ) : null}
                    </td>
                    <td>
                      <DateTime value={invitation.expiresAt} language={language} />
                    </td>
                    <td>
                      <div className="table-actions">
                        {invitation.mailId ? (
                          <Link
                            to={`/admin/outbox/${invitation.mailId}`}
                            className="button button--secondary button--small"
                            aria-label={`${t('invitations.readMail')}: ${invitation.email}`}
                          >
                            {t('invitations.readMail')}
                          </Link>
                        ) : null}
                        {invitation.status === 'pending' ? (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            disabled={revoke.isPending}
                            aria-label={`${t('invitations.revoke')}: ${invitation.email}`}
                            onClick={() => confirmRevoke(invitation)}
                          >
                            {t('invitations.revoke')}
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
      </section>
    </>
  );
}
