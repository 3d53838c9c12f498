import '../i18n';
import '../directory.css';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ConfirmResponse } from '../../../../contracts/directory';
import { ApiError, api } from '../../../app/api';
import { Alert, ErrorAlert } from '../../../components/alert';
import { PageHeading } from '../../../components/page-heading';
import { DIRECTORY_NS } from '../i18n';

/**
 * The page the 12-month reminder mail links to. Opening a link changes nothing (mail scanners
 * open links too); only the button press confirms the entry.
 */
export function ConfirmPage() {
  const { t } = useTranslation(DIRECTORY_NS);
  const { token = '' } = useParams();
  const confirm = useMutation({
    mutationFn: () =>
      api<ConfirmResponse>(`/api/public/confirm/${encodeURIComponent(token)}`, { method: 'POST' }),
  });
  return (
    <div className="page-narrow">
      <PageHeading title={t('confirm.title')} />
      <p>{t('confirm.lead')}</p>
      {confirm.error instanceof ApiError && confirm.error.status === 400 ? (
        // A cut or mistyped link fails the token's format check; the reader needs the same advice.
        <Alert kind="error">
          <p>{t('confirm.invalid')}</p>
        </Alert>
      ) : confirm.error ? (
        <ErrorAlert error={confirm.error} />
      ) : null}
      {confirm.data ? (
        <Alert kind="success">
          <p>{t('confirm.done', { name: confirm.data.name, count: confirm.data.capabilities })}</p>
        </Alert>
      ) : (
        <p>
          <button
            type="button"
            className="button"
            disabled={confirm.isPending}
            onClick={() => confirm.mutate()}
          >
            {t('confirm.button')}
          </button>
        </p>
      )}
      <p>{t('confirm.changeLink')}</p>
    </div>
  );
}
