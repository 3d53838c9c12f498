import { useMutation, useQuery } from '@tanstack/react-query';
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
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { useLanguage } from '../../i18n/i18n';
import './accounts.messages';
import { InvitationAcceptForm } from './invitation-accept-form';
import { nextLoginStep } from './login-flow';

function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const language = useLanguage();
  return (
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
    </>
  );
}

/** The invitation link (`/invite/:token`): name and password, then two-factor enrolment. */
export function InvitationPage() {
  const { t } = useTranslation('accounts');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const setSession = useSetSession();
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
  const invitation = preview.data;
  return (
    <div className="page-narrow">
      <PageHeading title={t('invite.title')} />
      {preview.isPending ? <Loading /> : null}
      <ErrorAlert error={preview.error} />
      {invitation ? (
        <>
          <InvitationSummary invitation={invitation} />
          <ErrorAlert error={accept.error} />
          <InvitationAcceptForm
            email={invitation.email}
            pending={accept.isPending}
            onAccept={(body) => accept.mutate({ ...body, token })}
          />
        </>
      ) : null}
    </div>
  );
}
