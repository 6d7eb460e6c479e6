import { useEffect } from 'react';
import { Outlet, useLocation, useNavigationType } from 'react-router';
import { useSessionLostRedirect } from '../../features/auth/use-session-lost-redirect';
import { useI18n } from '../../lib/i18n';
import { PageErrorBoundary } from './page-error-boundary';
import { SiteFooter } from './site-footer';
import { SiteNavbar } from './site-navbar';

/** A new page starts at its top; back and forward leave the scrolling to the browser. */
function useScrollToTopOnNavigation() {
  const { pathname } = useLocation();
  const type = useNavigationType();
  useEffect(() => {
    if (type !== 'POP') window.scrollTo(0, 0);
  }, [pathname, type]);
}

export function PublicLayout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  useSessionLostRedirect();
  useScrollToTopOnNavigation();
  return (
    <div className="d-flex flex-column min-vh-100">
      <a className="visually-hidden-focusable position-absolute top-0 start-0 p-2" href="#main">
        {t('nav.skip')}
      </a>
      <SiteNavbar />
      <main id="main" className="container flex-grow-1 py-4">
        {/* Keyed by path: going to another page leaves a page that failed behind. */}
        <PageErrorBoundary key={pathname}>
          <Outlet />
        </PageErrorBoundary>
      </main>
      <SiteFooter />
    </div>
  );
}
