import type { Me } from '@folio/schema';
import type Dropdown from 'bootstrap/js/dist/dropdown';
import { Suspense, useEffect, useRef } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { PartBoundary } from '../../components/part-boundary';
import { useToast } from '../../components/toast-context';
import { clearSession } from '../../lib/auth-store';
import type { MessageKey } from '../../lib/i18n';
import { useMe } from '../../lib/api/get-me';
import { UserAvatar } from '../../features/account/components/user-avatar';
import { useLogout } from '../../features/auth/api/logout';
import { loader } from '../../lib/bootstrap-loader';
import { lazyComponent } from '../../lib/lazy-component';
import { loadPageTexts, useI18n } from '../../lib/i18n';

// Here, not beside the offcanvas loader: only the logged-in menu, loaded lazily itself, uses it.
const dropdownModule = loader<typeof Dropdown>(() => import('bootstrap/js/dist/dropdown'));

// The bell and its event stream come after the menu, with the pages' texts its words are among.
const NotificationBell = lazyComponent(async () => {
  const [module] = await Promise.all([
    import('../../features/notifications/components/notification-bell'),
    loadPageTexts(),
  ]);
  return module.NotificationBell;
});

const ACCOUNT_LINKS: { to: string; label: MessageKey }[] = [
  { to: '/account', label: 'account.nav.profile' },
  { to: '/account/security', label: 'account.nav.security' },
  { to: '/account/sessions', label: 'account.nav.sessions' },
  { to: '/account/connections', label: 'account.nav.connections' },
];

/**
 * A logged-in person's menu in the navbar. Loaded once someone is logged in: a first visit
 * doesn't carry it.
 */
export function AccountMenu({ onNavigate }: { onNavigate: () => void }) {
  const me = useMe();
  return me.data ? <AccountDropdown me={me.data} onNavigate={onNavigate} /> : null;
}

function AccountDropdown({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { nickname } = me;
  const { t } = useI18n();
  const toast = useToast();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const logout = useLogout();
  const toggleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = toggleRef.current;
    return () => {
      if (element) dropdownModule.current()?.getInstance(element)?.dispose();
    };
  }, []);

  // Once Bootstrap's Dropdown has run, its document-wide handler opens the menu on click and
  // runs the arrow keys; before that, the first click loads it and opens the menu itself.
  async function openFirstTime() {
    if (dropdownModule.loaded()) return;
    const Dropdown = await dropdownModule.load();
    if (toggleRef.current) Dropdown.getOrCreateInstance(toggleRef.current).toggle();
  }

  function leave() {
    onNavigate();
    logout.mutate(undefined, {
      onSettled: () => {
        clearSession({ leftByChoice: true });
        void navigate('/');
        toast.show({ kind: 'info', text: t('auth.loggedOut') });
      },
    });
  }

  return (
    <ul className="navbar-nav mt-3 mt-lg-0 me-lg-2" data-testid="user-menu">
      {/* Without its bell the menu still works; the bell is tried again on the next page. */}
      <PartBoundary resetKey={pathname} fallback={() => null}>
        <Suspense fallback={null}>
          <NotificationBell onNavigate={onNavigate} />
        </Suspense>
      </PartBoundary>
      <li className="nav-item dropdown">
        <button
          ref={toggleRef}
          type="button"
          className="nav-link dropdown-toggle d-flex align-items-center gap-2"
          data-bs-toggle="dropdown"
          aria-expanded="false"
          aria-label={t('nav.userMenu', { name: nickname })}
          data-testid="user-menu-toggle"
          onPointerEnter={() => void dropdownModule.load()}
          onClick={() => void openFirstTime()}
        >
          <UserAvatar me={me} size={28} />
          <span className="text-truncate user-menu-name">{nickname}</span>
        </button>
        <ul className="dropdown-menu dropdown-menu-lg-end">
          <li>
            <NavLink to="/me/blogs" end className="dropdown-item" onClick={onNavigate}>
              {t('nav.myBlogs')}
            </NavLink>
          </li>
          {/* Staff: any permission opens the admin section, which shows only what theirs reach. */}
          {me.permissions.length > 0 && (
            <li>
              <NavLink to="/admin" className="dropdown-item" onClick={onNavigate}>
                {t('nav.admin')}
              </NavLink>
            </li>
          )}
          <li>
            <hr className="dropdown-divider" />
          </li>
          {ACCOUNT_LINKS.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end className="dropdown-item" onClick={onNavigate}>
                {t(link.label)}
              </NavLink>
            </li>
          ))}
          <li>
            <hr className="dropdown-divider" />
          </li>
          <li>
            <button
              type="button"
              className="dropdown-item"
              onClick={leave}
              disabled={logout.isPending}
              data-testid="logout"
            >
              {t('nav.logout')}
            </button>
          </li>
        </ul>
      </li>
    </ul>
  );
}
