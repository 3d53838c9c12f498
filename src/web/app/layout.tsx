import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation, useMatches, useNavigation } from 'react-router';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { StaffBar } from './staff-bar';

type RouteHandle = { layout?: 'print' | 'wide' } | undefined;

/**
 * After a client-side navigation, focus moves to the new page's h1 so screen-reader users hear
 * where they are (the first load keeps the browser's own behaviour).
 */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const target =
      document.querySelector<HTMLElement>('[data-page-heading]') ?? document.getElementById('main');
    target?.focus({ preventScroll: true });
  }, [pathname]);
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('skipLink')}
    </a>
  );
}

/** The frame of every page: skip link, header, staff bar (signed in), main, footer. */
export function ShellLayout() {
  const matches = useMatches();
  const navigation = useNavigation();
  useFocusHeadingOnNavigate();
  const layout = matches.map((match) => (match.handle as RouteHandle)?.layout).find(Boolean);
  const busy = navigation.state === 'loading';

  if (layout === 'print') {
    // A print sheet is the whole page: no site chrome, but still one main landmark.
    return (
      <>
        <SkipLink />
        <main id="main" className="site-main" tabIndex={-1} aria-busy={busy || undefined}>
          <Outlet />
        </main>
        <ScrollRestoration />
      </>
    );
  }

  return (
    <div className="app">
      <SkipLink />
      <SiteHeader />
      <StaffBar />
      <main id="main" className="site-main" tabIndex={-1} aria-busy={busy || undefined}>
        {layout === 'wide' ? (
          <Outlet />
        ) : (
          <div className="container">
            <Outlet />
          </div>
        )}
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}
