import { useNavigate } from 'react-router';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { RoleForm } from '../../features/admin/components/role-form';
import { useMe } from '../../lib/api/get-me';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AdminNewRolePage() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.roles.newTitle'));
  const navigate = useNavigate();
  // The layout shows this page only once the account is in.
  const me = useMe().data!;
  return (
    <>
      <AdminHeader
        trail={[
          { label: t('admin.roles.title'), to: '/admin/roles' },
          { label: t('admin.roles.newTitle') },
        ]}
        title={t('admin.roles.newTitle')}
      />
      <RoleForm viewerPermissions={me.permissions} onSaved={() => void navigate('/admin/roles')} />
    </>
  );
}
