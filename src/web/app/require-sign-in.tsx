import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../contracts/roles';
import { ErrorAlert } from '../components/alert';
import { Loading } from '../components/loading';
import { PageHeading } from '../components/page-heading';
import { ApiError } from './api';
import { useSession } from './session';

/**
 * Guards staff routes: sends the visitor to the step of login they still owe (password,
 * two-factor code, two-factor enrolment, one-time password change) and returns them afterwards.
 * The server enforces the same rules; this only spares people a page of errors.
 */
export function RequireSignIn({
  roles,
  allowPasswordChange,
}: {
  roles?: Role[];
  allowPasswordChange?: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  if (session.isPending) return <Loading />;
  if (session.error) return <ErrorAlert error={session.error} />;
  const { authenticated, user, twoFactor, passwordChangeRequired } = session.data;
  if (!authenticated || !user) return <Navigate to={`/login?next=${next}`} replace />;
  if (twoFactor?.status === 'verification_required') {
    return <Navigate to={`/login/two-factor?next=${next}`} replace />;
  }
  if (twoFactor?.status === 'enrolment_required') {
    return <Navigate to={`/account/two-factor?next=${next}`} replace />;
  }
  if (passwordChangeRequired && !allowPasswordChange)
    return <Navigate to="/account?passwordChange=1" replace />;
  if (roles && !roles.some((role) => user.roles.includes(role))) {
    return (
      <div className="page-narrow">
        <PageHeading title={t('error.forbiddenTitle')} />
        <ErrorAlert error={new ApiError('auth.forbidden', 403, undefined, undefined, undefined)} />
      </div>
    );
  }
  return <Outlet />;
}
