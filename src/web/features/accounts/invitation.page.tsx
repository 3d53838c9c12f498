import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  accountsApi,
  type InvitationAccept,
  type InvitationPreview,
  type SessionResponse,
} from '../../../contracts/accounts';
import { api } from '../../app/api';
import { useSetSession } from '../../app/session';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { useLanguage } from '../../i18n/i18n';
import './accounts.messages';
import { nextLoginStep } from './login-flow';
import { NewPasswordFields, readNewPassword } from './password-fields';

/** The invitation link (`/invite/:token`): name and password, then two-factor enrolment. */
export function InvitationPage() {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const language = useLanguage();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const [mismatch, setMismatch] = useState(false);
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<InvitationPreview>(accountsApi.invitation(token)),
  });
  const accept = useMutation({
    mutationFn: (body: InvitationAccept) =>
      api<SessionResponse>(accountsApi.invitationAccept, { method: 'POST', body }),
    onSuccess: (session) => {
      setSession(session);
      navigate(nextLoginStep(session, undefined));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = readNewPassword(form);
    setMismatch(password === undefined);
    if (password === undefined) return;
    accept.mutate({ token, displayName: String(form.get('displayName') ?? ''), password });
  }

  const invitation = preview.data;
  return (
    <div className="page-narrow">
      <PageHeading title={t('invite.title')} />
      {preview.isPending ? <Loading /> : null}
      {preview.error ? <ErrorAlert error={preview.error} /> : null}
      {invitation ? (
        <>
          <p>{t('invite.intro', { municipality: invitation.municipalityName })}</p>
          <dl className="summary-list card">
            <dt>{t('invite.organisation')}</dt>
            <dd>{invitation.organisationName}</dd>
            <dt>{t('invite.role')}</dt>
            <dd>{common(`roles.${invitation.role}`)}</dd>
            <dt>{t('invite.email')}</dt>
            <dd>{invitation.email}</dd>
            <dt>{t('invite.expires')}</dt>
            <dd>
              <DateTime value={invitation.expiresAt} language={language} />
            </dd>
          </dl>
          <ErrorAlert error={accept.error} />
          <form className="form" onSubmit={submit}>
            {/* Lets password managers file the new password under the right address. */}
            <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
            <TextField
              label={t('invite.displayName')}
              hint={t('invite.displayNameHint')}
              name="displayName"
              autoComplete="name"
              maxLength={100}
              required
            />
            <NewPasswordFields
              mismatch={mismatch}
              labels={{ first: t('invite.password'), second: t('invite.confirmPassword') }}
            />
            <div className="button-row">
              <button type="submit" className="button" disabled={accept.isPending}>
                {t('invite.submit')}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </div>
  );
}
