import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi, type OkResponse, type PasswordChangeRequest } from '../../../contracts/accounts';
import { api } from '../../app/api';
import { sessionQueryKey } from '../../app/session';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField } from '../../components/field';
import './accounts.messages';
import { NewPasswordFields, readNewPassword } from './password-fields';

/** Change of one's own password (other sessions end on the server). */
export function PasswordChangeSection({ highlighted }: { highlighted: boolean }) {
  const { t } = useTranslation('accounts');
  const client = useQueryClient();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: (body: PasswordChangeRequest) =>
      api<OkResponse>(accountsApi.passwordChange, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionQueryKey }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = readNewPassword(form);
    setMismatch(newPassword === undefined);
    if (newPassword === undefined) return;
    change.mutate(
      { currentPassword: String(form.get('currentPassword') ?? ''), newPassword },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <section aria-labelledby="password-title" className={highlighted ? 'card' : undefined}>
      <h2 id="password-title">{t('settings.passwordTitle')}</h2>
      {change.isSuccess ? (
        <Alert kind="success">
          <p>{t('settings.passwordChanged')}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={change.error} />
      <form className="form" onSubmit={submit}>
        <TextField
          label={t('settings.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <NewPasswordFields mismatch={mismatch} />
        <div className="button-row">
          <button type="submit" className="button" disabled={change.isPending}>
            {t('settings.passwordSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
