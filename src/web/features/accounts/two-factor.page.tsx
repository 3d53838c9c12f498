import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { accountsApi, type SessionResponse, type TotpVerifyRequest } from '../../../contracts/accounts';
import { api } from '../../app/api';
import { useSession, useSetSession } from '../../app/session';
import { ErrorAlert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import './accounts.messages';
import { nextLoginStep, safeNextPath } from './login-flow';
import { TwoFactorForm } from './two-factor-form';

/** Second step of login: a code from the authenticator app, or one recovery code. */
export function TwoFactorPage() {
  const { t } = useTranslation('accounts');
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [mode, setMode] = useState<'app' | 'recovery'>('app');
  const navigate = useNavigate();
  const session = useSession();
  const setSession = useSetSession();
  const verify = useMutation({
    mutationFn: (body: TotpVerifyRequest) => api<SessionResponse>(accountsApi.totp, { method: 'POST', body }),
    onSuccess: (answer) => {
      setSession(answer);
      navigate(nextLoginStep(answer, next));
    },
  });

  if (session.isPending) return <Loading />;
  // Only a person who passed the password step has anything to verify here.
  if (session.data?.twoFactor?.status !== 'verification_required' && !verify.isPending && !verify.isSuccess) {
    return <Navigate to={session.data ? nextLoginStep(session.data, next) : '/login'} replace />;
  }
  const switchMode = () => {
    verify.reset();
    setMode(mode === 'app' ? 'recovery' : 'app');
  };
  return (
    <div className="page-narrow">
      <PageHeading title={mode === 'app' ? t('twoFactor.title') : t('twoFactor.recoveryTitle')} />
      <p>{mode === 'app' ? t('twoFactor.intro') : t('twoFactor.recoveryIntro')}</p>
      <ErrorAlert error={verify.error} />
      <TwoFactorForm
        mode={mode}
        pending={verify.isPending}
        onSubmit={(body) => verify.mutate(body)}
        onSwitch={switchMode}
      />
      <p>
        <Link to="/login" className="tap-link">
          {t('twoFactor.startOver')}
        </Link>
      </p>
    </div>
  );
}
