import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accountsApi, type Invitation, type InvitationCreate } from '../../../contracts/accounts';
import { Role } from '../../../contracts/roles';
import { api } from '../../app/api';
import { Alert, ErrorAlert } from '../../components/alert';
import { SelectField, TextField } from '../../components/field';
import './admin.messages';
import { useOrganisations } from './organisations.queries';

/** The invite form: email, organisation, role. The mail waits in the outbox when there is no SMTP. */
export function InvitationForm({ onSent }: { onSent: () => void }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const organisations = useOrganisations();
  const invite = useMutation({
    mutationFn: (body: InvitationCreate) =>
      api<Invitation>(accountsApi.invitations, { method: 'POST', body }),
    onSuccess: onSent,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    invite.mutate(
      {
        email: String(form.get('email') ?? ''),
        organisationId: String(form.get('organisationId') ?? ''),
        role: String(form.get('role')) as InvitationCreate['role'],
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  const organisationOptions = (organisations.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.name}（${common(`organisationKinds.${o.kind}`)}）`,
  }));
  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invitations.formTitle')}</h2>
      {invite.data ? (
        <Alert kind="success">
          <p>{t('invitations.sent', { email: invite.data.email })}</p>
          {invite.data.mailId ? (
            <p>
              <Link to={`/admin/outbox/${invite.data.mailId}`} className="tap-link">
                {t('invitations.readMail')}
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <ErrorAlert error={invite.error ?? organisations.error} />
      {organisations.data && organisationOptions.length === 0 ? (
        <Alert kind="warning">
          <p>{t('invitations.noOrganisations')}</p>
        </Alert>
      ) : null}
      <form className="form" onSubmit={submit}>
        <TextField label={t('invitations.email')} name="email" type="email" autoComplete="off" required />
        <SelectField
          label={t('invitations.organisation')}
          name="organisationId"
          options={organisationOptions}
          emptyLabel={t('common.choose')}
          required
        />
        <SelectField
          label={t('invitations.role')}
          name="role"
          options={Role.options.map((role) => ({ value: role, label: common(`roles.${role}`) }))}
          emptyLabel={t('common.choose')}
          required
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={invite.isPending}>
            {t('invitations.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
