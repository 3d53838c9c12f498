import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  accountsApi,
  type RecoveryCodesRegenerateRequest,
  type RecoveryCodesResponse,
  type SessionResponse,
} from '../../../contracts/accounts';
import { api } from '../../app/api';
import { sessionQueryKey } from '../../app/session';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField } from '../../components/field';
import './accounts.messages';
import { RecoveryCodes } from './recovery-codes';

/** Two-factor status and the re-issue of recovery codes (needs a current app code). */
export function TwoFactorSection({ twoFactor }: { twoFactor: SessionResponse['twoFactor'] }) {
  const { t } = useTranslation('accounts');
  const client = useQueryClient();
  const regenerate = useMutation({
    mutationFn: (body: RecoveryCodesRegenerateRequest) =>
      api<RecoveryCodesResponse>(accountsApi.recoveryCodes, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionQueryKey }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    regenerate.mutate({ code: String(form.get('code') ?? '').replace(/\s/g, '') });
  }

  return (
    <section aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t('settings.twoFactorTitle')}</h2>
      {twoFactor?.enrolled ? (
        <p>{t('settings.twoFactorOn', { count: twoFactor.recoveryCodesLeft })}</p>
      ) : (
        <>
          <p>{t('settings.twoFactorOff')}</p>
          <p>
            <Link to="/account/two-factor" className="button button--secondary">
              {t('settings.twoFactorSetup')}
            </Link>
          </p>
        </>
      )}
      {twoFactor?.enrolled ? (
        <>
          <h3>{t('settings.recoveryTitle')}</h3>
          {regenerate.data ? (
            <>
              <Alert kind="success">
                <p>{t('settings.recoveryNew')}</p>
              </Alert>
              <RecoveryCodes codes={regenerate.data.recoveryCodes} />
            </>
          ) : (
            <>
              <p>{t('settings.recoveryBody')}</p>
              <ErrorAlert error={regenerate.error} />
              <form className="form" onSubmit={submit}>
                <TextField
                  label={t('settings.recoveryCode')}
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  className="input--code"
                  required
                />
                <div className="button-row">
                  <button type="submit" className="button button--secondary" disabled={regenerate.isPending}>
                    {t('settings.recoverySubmit')}
                  </button>
                </div>
              </form>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
