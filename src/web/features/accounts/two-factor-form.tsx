import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpVerifyRequest } from '../../../contracts/accounts';
import { TextField } from '../../components/field';
import './accounts.messages';

/** The code field (app code or recovery code) and the switch between the two. */
export function TwoFactorForm({
  mode,
  pending,
  onSubmit,
  onSwitch,
}: {
  mode: 'app' | 'recovery';
  pending: boolean;
  onSubmit: (body: TotpVerifyRequest) => void;
  onSwitch: () => void;
}) {
  const { t } = useTranslation('accounts');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (mode === 'app') onSubmit({ code: String(form.get('code') ?? '').replace(/\s/g, '') });
    else onSubmit({ recoveryCode: String(form.get('recoveryCode') ?? '').trim() });
  }

  return (
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
        <button type="submit" className="button" disabled={pending}>
          {t('twoFactor.submit')}
        </button>
        <button type="button" className="button button--link" onClick={onSwitch}>
          {mode === 'app' ? t('twoFactor.useRecovery') : t('twoFactor.useApp')}
        </button>
      </div>
    </form>
  );
}
