import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolmentResponse } from '../../../contracts/accounts';
import { TextField } from '../../components/field';
import './accounts.messages';

/** Splits the base32 secret in groups of four so it can be typed without losing one's place. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Step 1 (QR code or key) and step 2 (first code) of two-factor enrolment. */
export function EnrolmentSteps({
  enrolment,
  pending,
  onConfirm,
}: {
  enrolment: TotpEnrolmentResponse;
  pending: boolean;
  onConfirm: (code: string) => void;
}) {
  const { t } = useTranslation('accounts');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onConfirm(String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s/g, ''));
  }

  return (
    <>
      <h2>{t('enrol.step1')}</h2>
      <p>{t('enrol.step1Body')}</p>
      <p>
        <img
          className="qr-code"
          src={enrolment.qrCodeDataUrl}
          alt={t('enrol.qrAlt')}
          width={240}
          height={240}
        />
      </p>
      <p>{t('enrol.manual')}</p>
      <dl className="summary-list card">
        <dt>{t('enrol.secretLabel')}</dt>
        <dd>
          <code className="mono" data-totp-secret={enrolment.secret}>
            {groupSecret(enrolment.secret)}
          </code>
        </dd>
      </dl>
      <h2>{t('enrol.step2')}</h2>
      <form className="form" onSubmit={submit}>
        <TextField
          label={t('enrol.code')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          className="input--code"
          required
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={pending}>
            {t('enrol.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
