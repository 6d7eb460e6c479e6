import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { useRoles } from '../../features/admin/api/get-roles';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { RoleTable } from '../../features/admin/components/role-table';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Every role, what it grants and how many hold it; a new one, an edit or a delete from here. */
export function AdminRolesPage() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.roles.title'));
  const roles = useRoles();

  // The permission went since the account was read (another manager took it away).
  if (roles.error instanceof ApiError && roles.error.status === 403) {
    return <SectionNoAccess permission="roles.manage" />;
  }
  let body: ReactNode;
  if (roles.isPending) body = <Loading />;
  else if (!roles.data) {
    body = <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />;
  } else if (roles.data.items.length === 0) {
    body = <EmptyState>{t('admin.roles.empty')}</EmptyState>;
  } else body = <RoleTable roles={roles.data.items} />;

  return (
    <>
      <AdminHeader
        trail={[{ label: t('admin.roles.title') }]}
        title={t('admin.roles.title')}
        actions={
          <Link to="/admin/roles/new" className="btn btn-primary">
            {t('admin.roles.new')}
          </Link>
        }
      />
      <p className="text-body-secondary">{t('admin.roles.intro')}</p>
      {body}
    </>
  );
}
