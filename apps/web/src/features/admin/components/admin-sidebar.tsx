import type { Permission } from '@folio/schema';
import type Offcanvas from 'bootstrap/js/dist/offcanvas';
import { useEffect, useId, useRef } from 'react';
import { NavLink } from 'react-router';
import type { AttachedComponent } from '../../../lib/bootstrap-component';
import { offcanvasModule } from '../../../lib/bootstrap-loader';
import { useI18n } from '../../../lib/i18n';
import { sectionsFor } from '../sections';

/**
 * The admin section's menu: the sections the person's permissions open, and nothing else. Beside
 * the page from the `lg` breakpoint; below it, an offcanvas panel run by Bootstrap's Offcanvas
 * (focus trap, Escape, backdrop), opened by a button and loaded at its first tap.
 */
export function AdminSidebar({ permissions }: { permissions: readonly Permission[] }) {
  const { t } = useI18n();
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const titleId = useId();
  const attached = useRef<AttachedComponent<Offcanvas> | null>(null);

  // The panel may go while open or sliding: its backdrop goes with it, and the scroll lock too.
  useEffect(
    () => () => {
      // Attached means loaded: the kit is there.
      attached.current?.dispose(offcanvasModule.current()!.releaseBody);
      attached.current = null;
    },
    [],
  );

  const panel = () => attached.current?.instance;

  function openPanel() {
    const kit = offcanvasModule.current();
    if (!kit) {
      void offcanvasModule.load().then(openPanel);
      return;
    }
    const element = panelRef.current;
    if (!element) return;
    attached.current ??= kit.attachComponent(kit.Offcanvas, element);
    attached.current.instance.show();
    // Bootstrap moves focus in only after the slide-in; doing it now lets Escape work at once.
    if (element.classList.contains('showing')) element.focus();
  }

  return (
    <>
      <button
        type="button"
        className="btn btn-outline-secondary d-lg-none"
        aria-controls={panelId}
        data-testid="admin-menu-toggler"
        onPointerEnter={() => void offcanvasModule.load()}
        onClick={openPanel}
      >
        <span aria-hidden="true" className="me-2">
          ☰
        </span>
        {t('admin.nav.label')}
      </button>
      <div
        ref={panelRef}
        id={panelId}
        className="offcanvas-lg offcanvas-start"
        tabIndex={-1}
        aria-labelledby={titleId}
        data-testid="admin-menu"
      >
        <div className="offcanvas-header">
          <h2 className="offcanvas-title h5" id={titleId}>
            {t('admin.nav.label')}
          </h2>
          <button
            type="button"
            className="btn-close"
            aria-label={t('common.close')}
            onClick={() => panel()?.hide()}
          />
        </div>
        <div className="offcanvas-body">
          <nav aria-label={t('admin.nav.label')} className="w-100">
            <ul className="nav nav-pills flex-column">
              <li className="nav-item">
                <NavLink to="/admin" end className="nav-link" onClick={() => panel()?.hide()}>
                  {t('admin.nav.overview')}
                </NavLink>
              </li>
              {sectionsFor(permissions).map((section) => (
                <li key={section.to} className="nav-item">
                  <NavLink to={section.to} className="nav-link" onClick={() => panel()?.hide()}>
                    {t(section.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </>
  );
}
