import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import {
  accountsApi,
  type TotpEnrolmentConfirmRequest,
  type TotpEnrolmentConfirmResponse,
  type TotpEnrolmentResponse,
} from '../../../contracts/accounts';
import { api } from '../../app/api';
import { useSession, useSetSession } from '../../app/session';
import { Alert, ErrorAlert } from '../../components/alert';
import { TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import './accounts.messages';
import { nextLoginStep, safeNextPath } from './login-flow';
import { RecoveryCodes } from './recovery-codes';

/** Splits the base32 secret in groups of four so it can be typed without losing one's place. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Two-factor enrolment: QR code and key, first code to confirm, recovery codes shown once. */
export function EnrolPage() {
  const { t } = useTranslation('accounts');
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const setSession = useSetSession();
  const start = useMutation({
    mutationFn: () => api<TotpEnrolmentResponse>(accountsApi.totpEnrolment, { method: 'POST' }),
  });
  const confirm = useMutation({
    mutationFn: (body: TotpEnrolmentConfirmRequest) =>
      api<TotpEnrolmentConfirmResponse>(accountsApi.totpEnrolmentConfirm, { method: 'POST', body }),
    onSuccess: (answer) => setSession(answer.session),
  });
  const status = session.data?.twoFactor?.status;
  const canEnrol =
    session.data?.authenticated &&
    session.data.twoFactor &&
    !session.data.twoFactor.enrolled &&
    status !== 'verification_required';

  // A new secret is issued once per visit (the ref keeps React's double effects from issuing two).
  const started = useRef(false);
  useEffect(() => {
    if (canEnrol && !started.current) {
      started.current = true;
      start.mutate();
    }
  }, [canEnrol, start]);

  if (confirm.data) {
    return (
      <div className="page-narrow">
        <PageHeading title={t('enrol.doneTitle')} />
        <RecoveryCodes codes={confirm.data.recoveryCodes} />
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => navigate(nextLoginStep(confirm.data.session, next))}
          >
            {t('enrol.continue')}
          </button>
        </div>
      </div>
    );
  }
  if (session.isPending) return <Loading />;
  if (!session.data?.authenticated) return <Navigate to="/login" replace />;
  if (!canEnrol) {
    return (
      <div className="page-narrow">
        <PageHeading title={t('enrol.title')} />
        <Alert kind="info">
          <p>{t('enrol.alreadyDone')}</p>
        </Alert>
        <p>
          <Link to={nextLoginStep(session.data, next)}>{t('enrol.continue')}</Link>
        </p>
      </div>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    confirm.mutate({ code: String(form.get('code') ?? '').replace(/\s/g, '') });
  }

  const enrolment = start.data;
  return (
    <div className="page-narrow">
      <PageHeading title={t('enrol.title')} />
      <p>{t('enrol.intro')}</p>
      <ErrorAlert error={start.error ?? confirm.error} />
      {enrolment ? (
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
              <button type="submit" className="button" disabled={confirm.isPending}>
                {t('enrol.submit')}
              </button>
            </div>
          </form>
        </>
      ) : start.isPending ? (
        <Loading label={t('enrol.starting')} />
      ) : null}
    </div>
  );
}
