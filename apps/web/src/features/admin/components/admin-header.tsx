import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import '../admin.scss';

export interface Crumb {
  label: string;
  /** Absent on the page itself. */
  to?: string;
}

interface AdminHeaderProps {
  /** The path below "Admin", ending with this page (none on the overview itself). */
  trail: Crumb[];
  title: string;
  /** What the page offers at its top (a "New" button, say). */
  actions?: ReactNode;
}

/** An admin page's breadcrumb (Admin / Section / …) and title. */
export function AdminHeader({ trail, title, actions }: AdminHeaderProps) {
  const { t } = useI18n();
  const crumbs: Crumb[] = [{ label: t('admin.title'), to: '/admin' }, ...trail];
  return (
    <>
      <nav aria-label={t('admin.breadcrumb')}>
        <ol className="breadcrumb">
          {crumbs.map((crumb, index) => {
            const last = index === crumbs.length - 1;
            return (
              <li
                key={index}
                className={`breadcrumb-item ${last ? 'active' : ''}`}
                aria-current={last ? 'page' : undefined}
              >
                {last || !crumb.to ? crumb.label : <Link to={crumb.to}>{crumb.label}</Link>}
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
        <h1 className="h2 mb-0 text-break">{title}</h1>
        {actions}
      </div>
    </>
  );
}
