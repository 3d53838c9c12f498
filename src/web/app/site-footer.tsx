import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from './session';

/** Footer: staff login (for anonymous visitors), the open data API, the licence. */
export function SiteFooter() {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = Boolean(session.data?.authenticated);
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label={t('footer.label')}>
          <ul>
            {signedIn ? null : (
              <li>
                <Link to="/login">{t('staff.login')}</Link>
              </li>
            )}
            <li>
              <Link to="/opendata">{t('footer.openData')}</Link>
            </li>
            <li>
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
          </ul>
        </nav>
        <p>{t('footer.source')}</p>
      </div>
    </footer>
  );
}
