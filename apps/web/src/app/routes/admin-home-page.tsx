import type { Me } from '@folio/schema';
import { Link } from 'react-router';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { sectionsFor } from '../../features/admin/sections';
import { useMe } from '../../lib/api/get-me';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { AdminDashboard } from './admin-dashboard';

/**
 * The admin section's front page: the dashboard for staff who may read the statistics, else a
 * welcome and the sections the person may open.
 */
export function AdminHomePage() {
  // The layout shows this page only once the account is in.
  const me = useMe().data!;
  return me.permissions.includes('stats.read') ? <AdminDashboard /> : <AdminWelcome me={me} />;
}

function AdminWelcome({ me }: { me: Me }) {
  const { t } = useI18n();
  useDocumentTitle(t('admin.title'));
  const sections = sectionsFor(me.permissions);
  return (
    <>
      <AdminHeader trail={[]} title={t('admin.title')} />
      {sections.length === 0 ? (
        <p className="text-body-secondary" data-testid="admin-no-sections">
          {t('admin.home.none')}
        </p>
      ) : (
        <>
          <p>{t('admin.home.welcome', { name: me.nickname })}</p>
          <ul className="list-group" data-testid="admin-sections">
            {sections.map((section) => (
              <li key={section.to} className="list-group-item">
                <Link to={section.to} className="fw-semibold">
                  {t(section.label)}
                </Link>
                <div className="small text-body-secondary">{t(section.summary)}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
