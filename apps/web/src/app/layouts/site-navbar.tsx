import type Offcanvas from 'bootstrap/js/dist/offcanvas';
import { useEffect, useId, useRef } from 'react';
import { Link, NavLink } from 'react-router';
import type { AttachedComponent } from '../../lib/bootstrap-component';
import { offcanvasModule } from '../../lib/bootstrap-loader';
import { useI18n } from '../../lib/i18n';
import type { MessageKey } from '../../lib/i18n';
import { useSiteName } from '../../lib/use-document-title';
import { UserMenu } from './user-menu';
import { LanguageSwitch } from './language-switch';

const LINKS: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/blogs', label: 'nav.blogs' },
  { to: '/authors', label: 'nav.authors' },
];

/**
 * Links sit inline from the `lg` breakpoint; below it they move into an offcanvas panel run by
 * Bootstrap's own Offcanvas (focus trap, Escape, backdrop, scroll lock), loaded at the first tap.
 */
export function SiteNavbar() {
  const { t } = useI18n();
  const siteName = useSiteName();
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const titleId = useId();

  const attached = useRef<AttachedComponent<Offcanvas> | null>(null);

  // The menu may go while open or sliding: its backdrop goes with it, and the scroll lock too.
  useEffect(
    () => () => {
      // Attached means loaded: the kit is there.
      attached.current?.dispose(offcanvasModule.current()!.releaseBody);
      attached.current = null;
    },
    [],
  );

  const menu = () => attached.current?.instance;

  function toggleMenu() {
    // Loaded already (the pointer came near it, or it was used before): at once, in this click.
    const kit = offcanvasModule.current();
    if (!kit) {
      void offcanvasModule.load().then(toggleMenu);
      return;
    }
    const element = menuRef.current;
    if (!element) return;
    attached.current ??= kit.attachComponent(kit.Offcanvas, element);
    attached.current.instance.toggle();
    // Bootstrap moves focus in only after the slide-in; doing it now lets Escape work at once.
    if (element.classList.contains('showing')) element.focus();
  }

  return (
    <nav
      className="navbar navbar-expand-lg bg-body-tertiary border-bottom"
      aria-label={t('nav.main')}
    >
      <div className="container">
        <Link to="/" className="navbar-brand fw-bold site-brand" title={siteName}>
          {siteName}
        </Link>
        <div className="d-flex align-items-center gap-2 ms-auto order-lg-last">
          <LanguageSwitch />
          <button
            type="button"
            className="navbar-toggler"
            aria-controls={menuId}
            aria-label={t('nav.menu')}
            data-testid="menu-toggler"
            onPointerEnter={() => void offcanvasModule.load()}
            onClick={toggleMenu}
          >
            <span className="navbar-toggler-icon" />
          </button>
        </div>
        <div
          ref={menuRef}
          id={menuId}
          className="offcanvas offcanvas-end site-menu"
          tabIndex={-1}
          aria-labelledby={titleId}
          data-testid="menu"
        >
          <div className="offcanvas-header">
            <h2 className="offcanvas-title h5" id={titleId}>
              {t('nav.menu')}
            </h2>
            <button
              type="button"
              className="btn-close"
              aria-label={t('common.close')}
              onClick={() => menu()?.hide()}
            />
          </div>
          <div className="offcanvas-body">
            <ul className="navbar-nav flex-grow-1">
              {LINKS.map((link) => (
                <li key={link.to} className="nav-item">
                  <NavLink
                    to={link.to}
                    end={link.end}
                    className={({ isActive }) => `nav-link ${isActive ? 'fw-semibold' : ''}`}
                    onClick={() => menu()?.hide()}
                  >
                    {t(link.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
            {/* A plain form, no script of its own: the results page is loaded when it opens. */}
            <form role="search" action="/search" className="navbar-search my-3 my-lg-0 me-lg-3">
              <input
                type="search"
                name="q"
                className="form-control"
                aria-label={t('nav.search')}
                placeholder={t('nav.search')}
                required
              />
            </form>
            <UserMenu onNavigate={() => menu()?.hide()} />
          </div>
        </div>
      </div>
    </nav>
  );
}
