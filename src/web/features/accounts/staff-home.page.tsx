import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { visibleStaffNavItems } from '../../app/staff-nav';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import './accounts.messages';

/** Where staff land after login: the menu they may use, as large links. */
export function StaffHomePage() {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const session = useSession();
  const user = session.data?.user;
  return (
    <div className="page-narrow">
      <PageHeading title={t('staffHome.title')} />
      {user ? (
        <>
          <p>{t('staffHome.intro', { name: user.displayName })}</p>
          <ul className="link-list">
            {visibleStaffNavItems(user.roles).map((item) => (
              <li key={item.to}>
                <Link to={item.to}>{common(item.labelKey)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Loading />
      )}
    </div>
  );
}
