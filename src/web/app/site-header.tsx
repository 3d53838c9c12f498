import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { setLanguage } from '../i18n/i18n';

/** Public header: the site name, the way to the directory search, and the language switch. */
export function SiteHeader() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'ja' : 'en';
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="site-brand">
          <span className="site-brand__name">{t('site.name')}</span>
          <span className="site-brand__sub">{t('site.sub')}</span>
        </Link>
        <div className="site-header__tools">
          <button
            type="button"
            className="button button--secondary button--small"
            lang={next}
            onClick={() => setLanguage(next)}
          >
            {t('language.switchTo')}
          </button>
        </div>
        <nav className="site-nav" aria-label={t('nav.publicLabel')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.search')}
              </NavLink>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
