import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { accountsApi, type OkResponse, type PasswordResetComplete } from '../../../contracts/accounts';
import { api } from '../../app/api';
import { Alert, ErrorAlert } from '../../components/alert';
import { PageHeading } from '../../components/page-heading';
import './accounts.messages';
import { NewPasswordFields, readNewPassword } from './password-fields';

/** The page the reset mail links to (`/reset-password/:token`). Two-factor still applies at login. */
export function PasswordResetPage() {
  const { t } = useTranslation('accounts');
  const { token = '' } = useParams();
  const [mismatch, setMismatch] = useState(false);
  const complete = useMutation({
    mutationFn: (body: PasswordResetComplete) =>
      api<OkResponse>(accountsApi.passwordResetComplete, { method: 'POST', body }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = readNewPassword(new FormData(event.currentTarget));
    setMismatch(password === undefined);
    if (password !== undefined) complete.mutate({ token, password });
  }

  return (
    <div className="page-narrow">
      <PageHeading title={t('reset.formTitle')} />
      {complete.isSuccess ? (
        <>
          <Alert kind="success">
            <p>{t('reset.done')}</p>
          </Alert>
          <p>
            <Link to="/login" className="button">
              {t('reset.toLogin')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('reset.formIntro')}</p>
          <ErrorAlert error={complete.error} />
          <form className="form" onSubmit={submit}>
            <NewPasswordFields mismatch={mismatch} />
            <div className="button-row">
              <button type="submit" className="button" disabled={complete.isPending}>
                {t('reset.submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
