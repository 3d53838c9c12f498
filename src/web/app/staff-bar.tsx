import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { ErrorAlert } from '../components/alert';
import { InboxBadge } from '../features/inbox/inbox-badge';
import { isFullySignedIn, useLogout, useSession } from './session';
import { visibleStaffNavItems } from './staff-nav';

/** Staff menu and logout; shown only to a person who finished login. */
export function StaffBar() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const user = session.data?.user;
  if (!user || !isFullySignedIn(session.data)) return null;
  // A named region: the signed-in name, inbox badge and logout are inside a landmark, so a screen
  // reader's landmark list reaches them (axe `region`).
  return (
    <section className="staff-bar" aria-label={t('staff.barLabel')}>
      <div className="container staff-bar__inner">
        <nav className="staff-nav" aria-label={t('nav.staffLabel')}>
          <ul>
            {visibleStaffNavItems(user.roles).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{t(item.labelKey)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="staff-bar__user">
          <InboxBadge />
          <span>{t('staff.loggedInAs', { name: user.displayName })}</span>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
          >
            {t('staff.logout')}
          </button>
        </div>
        {logout.error ? <ErrorAlert error={logout.error} /> : null}
      </div>
    </section>
  );
}
