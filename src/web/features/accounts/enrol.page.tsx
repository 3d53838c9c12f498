import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import {
  accountsApi,
  type SessionResponse,
  type TotpEnrolmentConfirmRequest,
  type TotpEnrolmentConfirmResponse,
  type TotpEnrolmentResponse,
} from '../../../contracts/accounts';
import { api } from '../../app/api';
import { useSession, useSetSession } from '../../app/session';
import { Alert, ErrorAlert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import './accounts.messages';
import { EnrolmentSteps } from './enrolment-steps';
import { nextLoginStep, safeNextPath } from './login-flow';
import { RecoveryCodes } from './recovery-codes';

/** Enrolment is open to a signed-in person without an app, once any pending code step is done. */
function canEnrol(session: SessionResponse | undefined): boolean {
  const twoFactor = session?.twoFactor;
  return Boolean(
    session?.authenticated &&
      twoFactor &&
      !twoFactor.enrolled &&
      twoFactor.status !== 'verification_required',
  );
}

function EnrolmentDone({ answer, next }: { answer: TotpEnrolmentConfirmResponse; next: string | undefined }) {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  return (
    <div className="page-narrow">
      <PageHeading title={t('enrol.doneTitle')} />
      <RecoveryCodes codes={answer.recoveryCodes} />
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => navigate(nextLoginStep(answer.session, next))}
        >
          {t('enrol.continue')}
        </button>
      </div>
    </div>
  );
}

/** Two-factor enrolment: QR code and key, first code to confirm, recovery codes shown once. */
export function EnrolPage() {
  const { t } = useTranslation('accounts');
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
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
  const open = canEnrol(session.data);

  // A new secret is issued once per visit (the ref keeps React's double effects from issuing two).
  const started = useRef(false);
  useEffect(() => {
    if (open && !started.current) {
      started.current = true;
      start.mutate();
    }
  }, [open, start]);

  if (confirm.data) return <EnrolmentDone answer={confirm.data} next={next} />;
  if (session.isPending) return <Loading />;
  if (!session.data?.authenticated) return <Navigate to="/login" replace />;
  return (
    <div className="page-narrow">
      <PageHeading title={t('enrol.title')} />
      {open ? (
        <>
          <p>{t('enrol.intro')}</p>
          <ErrorAlert error={start.error ?? confirm.error} />
          {start.data ? (
            <EnrolmentSteps
              enrolment={start.data}
              pending={confirm.isPending}
              onConfirm={(code) => confirm.mutate({ code })}
            />
          ) : null}
          {start.isPending ? <Loading label={t('enrol.starting')} /> : null}
        </>
      ) : (
        <>
          <Alert kind="info">
            <p>{t('enrol.alreadyDone')}</p>
          </Alert>
          <p>
            <Link to={nextLoginStep(session.data, next)} className="tap-link">
              {t('enrol.continue')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
