import { Suspense } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { PartBoundary } from '../../components/part-boundary';
import { useAuth } from '../../lib/auth-context';
import { useI18n } from '../../lib/i18n';
import { lazyComponent } from '../../lib/lazy-component';

const AccountMenu = lazyComponent(async () => (await import('./account-dropdown')).AccountMenu);

/** The navbar's end: "Write" and the person's menu when logged in, else "Log in" and "Register". */
export function UserMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const { status } = useAuth();
  const { pathname } = useLocation();

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
      {/* A menu that failed to load gets a button to load it again, and is tried on each page. */}
      <PartBoundary
        resetKey={pathname}
        fallback={(retry) => (
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            title={t('error.partText')}
            onClick={retry}
          >
            {t('common.retry')}
          </button>
        )}
      >
        <Suspense fallback={null}>
          <AccountMenu onNavigate={onNavigate} />
        </Suspense>
      </PartBoundary>
    </>
  );
}
