import { Outlet, ScrollRestoration } from 'react-router';
import { useSessionLostRedirect } from '../../features/auth/use-session-lost-redirect';
import { useI18n } from '../../lib/i18n';
import { SiteFooter } from './site-footer';
import { SiteNavbar } from './site-navbar';

export function PublicLayout() {
  const { t } = useI18n();
  useSessionLostRedirect();
  return (
    <div className="d-flex flex-column min-vh-100">
      <a className="visually-hidden-focusable position-absolute top-0 start-0 p-2" href="#main">
        {t('nav.skip')}
      </a>
      <SiteNavbar />
      <main id="main" className="container flex-grow-1 py-4">
        <Outlet />
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}
