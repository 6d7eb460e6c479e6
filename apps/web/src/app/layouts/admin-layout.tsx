import { Outlet } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { AdminSidebar } from '../../features/admin/components/admin-sidebar';
import { NoAccessState } from '../../features/admin/components/no-access-state';
import { useMe } from '../../lib/api/get-me';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { RequireLogin } from './require-login';

/**
 * The admin section needs a login, and a role granting some permission: without one it sends the
 * person to log in and back; without the other it says so. The sidebar lists what the person's
 * permissions open; each section checks its own (the API checks them all again).
 */
export function AdminLayout() {
  return (
    <RequireLogin>
      <AdminFrame />
    </RequireLogin>
  );
}

function AdminFrame() {
  const me = useMe();
  if (!me.data) {
    return me.isError ? (
      <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
    ) : (
      <Loading />
    );
  }
  const { permissions } = me.data;
  if (permissions.length === 0) return <AdminNoAccess />;
  return (
    <div className="row g-4">
      <div className="col-lg-3">
        <AdminSidebar permissions={permissions} />
      </div>
      <div className="col-lg-9">
        <Outlet />
      </div>
    </div>
  );
}

function AdminNoAccess() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.noAccess.title'));
  return (
    <NoAccessState
      title={t('admin.noAccess.title')}
      text={t('admin.noAccess.text')}
      backTo="/"
      backLabel={t('admin.noAccess.back')}
    />
  );
}
