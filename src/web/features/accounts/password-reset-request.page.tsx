import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { accountsApi, type OkResponse, type PasswordResetRequest } from '../../../contracts/accounts';
import { api } from '../../app/api';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import './accounts.messages';

/** "Forgot password": always the same answer, whether or not the address is registered. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation('accounts');
  const request = useMutation({
    mutationFn: (body: PasswordResetRequest) =>
      api<OkResponse>(accountsApi.passwordReset, { method: 'POST', body }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get('email') ?? '') });
  }

  return (
    <div className="page-narrow">
      <PageHeading title={t('reset.requestTitle')} />
      {request.isSuccess ? (
        <Alert kind="success">
          <p>{t('reset.requestSent')}</p>
        </Alert>
      ) : (
        <>
          <p>{t('reset.requestIntro')}</p>
          <ErrorAlert error={request.error} />
          <form className="form" onSubmit={submit}>
            <TextField label={t('reset.email')} name="email" type="email" autoComplete="username" required />
            <div className="button-row">
              <button type="submit" className="button" disabled={request.isPending}>
                {t('reset.requestSubmit')}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/login" className="tap-link">
          {t('reset.toLogin')}
        </Link>
      </p>
    </div>
  );
}
