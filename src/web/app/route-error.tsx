import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { PageHeading } from '../components/page-heading';

/** "Page not found", in the shell's frame. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page-narrow">
      <PageHeading title={t('error.notFoundTitle')} />
      <p>{t('error.notFoundBody')}</p>
      <p>
        <Link to="/" className="tap-link">
          {t('error.toTop')}
        </Link>
      </p>
    </div>
  );
}

/** What a route shows when its code failed to load or threw while rendering. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className="page-narrow">
      <PageHeading title={t('error.crashTitle')} />
      <p>{t('error.crashBody')}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
      </p>
    </div>
  );
}
