import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { accountsApi, type LoginRequest, type SessionResponse } from '../../../contracts/accounts';
import { api } from '../../app/api';
import { useSetSession } from '../../app/session';
import { ErrorAlert } from '../../components/alert';
import { TextField } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import './accounts.messages';
import { nextLoginStep, safeNextPath } from './login-flow';

/** Email and password; the two-factor step follows on its own page. */
export function LoginPage() {
  const { t } = useTranslation('accounts');
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const setSession = useSetSession();
  const login = useMutation({
    mutationFn: (body: LoginRequest) => api<SessionResponse>(accountsApi.login, { method: 'POST', body }),
    onSuccess: (session) => {
      setSession(session);
      navigate(nextLoginStep(session, next));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') });
  }

  return (
    <div className="page-narrow">
      <PageHeading title={t('login.title')} />
      <p>{t('login.intro')}</p>
      <ErrorAlert error={login.error} />
      <form className="form" onSubmit={submit}>
        <TextField label={t('login.email')} name="email" type="email" autoComplete="username" required />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={login.isPending}>
            {t('login.submit')}
          </button>
        </div>
      </form>
      <ul className="plain-list">
        <li>
          <Link to="/password-reset" className="tap-link">
            {t('login.forgot')}
          </Link>
        </li>
        <li>
          <Link to="/" className="tap-link">
            {t('login.searchInstead')}
          </Link>
        </li>
      </ul>
    </div>
  );
}
