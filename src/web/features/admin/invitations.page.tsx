import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  accountsApi,
  type Invitation,
  type InvitationList,
  type InvitationListQuery,
} from '../../../contracts/accounts';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { SelectField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableScroll } from '../../components/table-scroll';
import './admin.messages';
import { FilterForm } from './filter-form';
import { InvitationForm } from './invitation-form';
import { InvitationRow } from './invitation-row';

const invitationsKey = ['admin', 'invitations'] as const;

function InvitationTable({
  items,
  onRevoke,
  busy,
}: {
  items: Invitation[];
  onRevoke: (i: Invitation) => void;
  busy: boolean;
}) {
  const { t } = useTranslation('admin');
  return (
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
          {items.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} onRevoke={onRevoke} busy={busy} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Ward admin: invite staff by email, follow and revoke invitations. */
export function InvitationsPage() {
  const { t } = useTranslation('admin');
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
  const confirmRevoke = (invitation: Invitation) => {
    if (window.confirm(t('invitations.revokeConfirm', { email: invitation.email })))
      revoke.mutate(invitation.id);
  };
  const statusOptions = (['pending', 'accepted', 'revoked', 'expired'] as const).map((value) => ({
    value,
    label: t(`invitations.${value}`),
  }));
  const items = list.data?.items ?? [];
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
        {list.data && items.length === 0 ? <p>{t('common.none')}</p> : null}
        {items.length > 0 ? (
          <InvitationTable items={items} onRevoke={confirmRevoke} busy={revoke.isPending} />
        ) : null}
      </section>
    </>
  );
}
