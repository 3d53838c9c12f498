import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../app/api';

type AlertKind = 'info' | 'success' | 'warning' | 'error';

/** A notice box. Errors and successes are announced (role alert / status). */
export function Alert({
  kind = 'info',
  title,
  children,
}: {
  kind?: AlertKind;
  title?: string;
  children?: ReactNode;
}) {
  const role = kind === 'error' ? 'alert' : kind === 'success' ? 'status' : undefined;
  return (
    <div className={`alert alert--${kind}`} role={role}>
      {title ? <strong className="alert__title">{title}</strong> : null}
      {children}
    </div>
  );
}

/** Shows an API or network error with the catalog message in the current language. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
  return (
    <Alert kind="error" title={t('error.title')}>
      <p>{errorMessage(error, language, t('error.network'))}</p>
      {requestId ? <span className="alert__meta">{t('error.requestId', { id: requestId })}</span> : null}
    </Alert>
  );
}
