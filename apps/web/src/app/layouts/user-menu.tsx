import { lazy, Suspense } from 'react';
import { Link, NavLink } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { useI18n } from '../../lib/i18n';

const AccountMenu = lazy(async () => ({
  default: (await import('./account-dropdown')).AccountMenu,
}));

/** The navbar's end: "Write" and the person's menu when logged in, else "Log in" and "Register". */
export function UserMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const { status } = useAuth();

  if (status === 'unknown') return null;
  if (status === 'anonymous') {
    return (
      <ul
        className="navbar-nav align-items-lg-center gap-lg-2 mt-3 mt-lg-0 me-lg-2"
        data-testid="guest-menu"
      >
        <li className="nav-item">
          <NavLink to="/login" className="nav-link" onClick={onNavigate}>
            {t('nav.login')}
          </NavLink>
        </li>
        <li className="nav-item">
          <Link to="/register" className="btn btn-primary btn-sm" onClick={onNavigate}>
            {t('nav.register')}
          </Link>
        </li>
      </ul>
    );
  }
  return (
    <>
      <ul className="navbar-nav mt-3 mt-lg-0 me-lg-2">
        <li className="nav-item">
          <NavLink to="/write" className="nav-link" onClick={onNavigate} data-testid="write-link">
            {t('nav.write')}
          </NavLink>
        </li>
      </ul>
      <Suspense fallback={null}>
        <AccountMenu onNavigate={onNavigate} />
      </Suspense>
    </>
  );
}
