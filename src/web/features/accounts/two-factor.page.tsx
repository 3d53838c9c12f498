import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { accountsApi, type SessionResponse, type TotpVerifyRequest } from '../../../contracts/accounts';
import { api } from '../../app/api';
import { useSession, useSetSession } from '../../app/session';
import { ErrorAlert } from '../../components/alert';
import { TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import './accounts.messages';
import { nextLoginStep, safeNextPath } from './login-flow';

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

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (mode === 'app') verify.mutate({ code: String(form.get('code') ?? '').replace(/\s/g, '') });
    else verify.mutate({ recoveryCode: String(form.get('recoveryCode') ?? '').trim() });
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
      <form className="form" onSubmit={submit} key={mode}>
        {mode === 'app' ? (
          <TextField
            label={t('twoFactor.code')}
            hint={t('twoFactor.codeHint')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            className="input--code"
            required
          />
        ) : (
          <TextField
            label={t('twoFactor.recoveryCode')}
            hint={t('twoFactor.recoveryHint')}
            name="recoveryCode"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={32}
            required
          />
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={verify.isPending}>
            {t('twoFactor.submit')}
          </button>
          <button type="button" className="button button--link" onClick={switchMode}>
            {mode === 'app' ? t('twoFactor.useRecovery') : t('twoFactor.useApp')}
          </button>
        </div>
      </form>
      <p>
        <Link to="/login">{t('twoFactor.startOver')}</Link>
      </p>
    </div>
  );
}
