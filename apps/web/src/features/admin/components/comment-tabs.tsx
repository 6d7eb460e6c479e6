import { NavLink } from 'react-router';
import { useI18n } from '../../../lib/i18n';

/** The comments section's two views: every comment, and the reported ones to moderate. */
export function CommentTabs() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('admin.comments.tabs')} className="mb-3">
      <ul className="nav nav-tabs">
        <li className="nav-item">
          <NavLink to="/admin/comments" end className="nav-link">
            {t('admin.comments.tab.all')}
          </NavLink>
        </li>
        <li className="nav-item">
          <NavLink to="/admin/comments/reports" className="nav-link">
            {t('admin.comments.tab.reports')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
