import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/i18n';
import { RequireLogin } from './require-login';

const SECTIONS: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/account', label: 'account.nav.profile', end: true },
  { to: '/account/security', label: 'account.nav.security' },
  { to: '/account/sessions', label: 'account.nav.sessions' },
  { to: '/account/connections', label: 'account.nav.connections' },
];

/** The account pages need a login: without one they send the person to log in and back. */
export function AccountLayout() {
  const { t } = useI18n();
  return (
    <RequireLogin>
      <div className="row g-4">
        <div className="col-lg-3">
          <nav aria-label={t('account.nav.label')}>
            <ul className="nav nav-pills flex-lg-column account-nav">
              {SECTIONS.map((section) => (
                <li key={section.to} className="nav-item">
                  <NavLink to={section.to} end={section.end} className="nav-link text-nowrap">
                    {t(section.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="col-lg-9">
          <Outlet />
        </div>
      </div>
    </RequireLogin>
  );
}
