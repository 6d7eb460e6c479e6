import { IdSchema } from '@folio/schema';
import type { Role } from '@folio/schema';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { NotFoundState } from '../../components/not-found-state';
import { useRoles } from '../../features/admin/api/get-roles';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { RoleForm } from '../../features/admin/components/role-form';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../lib/api/get-me';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

/** One role's form, found in the list of roles (the roles page has just read it, as a rule). */
export function AdminEditRolePage() {
  const id = IdSchema.safeParse(useParams().id);
  const roles = useRoles();

  if (roles.error instanceof ApiError && roles.error.status === 403) {
    return <SectionNoAccess permission="roles.manage" />;
  }
  if (roles.isPending) return <Loading />;
  if (!roles.data) return <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />;
  const role = id.success ? roles.data.items.find((item) => item.id === id.data) : undefined;
  // Keyed: another role's form starts from that role's fields.
  return role ? <EditRole key={role.id} role={role} /> : <RoleNotFound />;
}

function EditRole({ role }: { role: Role }) {
  const { t } = useI18n();
  const title = t('admin.roles.editTitle', { name: role.name });
  useDocumentTitle(title);
  const navigate = useNavigate();
  // The layout shows this page only once the account is in.
  const me = useMe().data!;
  return (
    <>
      <AdminHeader
        trail={[{ label: t('admin.roles.title'), to: '/admin/roles' }, { label: title }]}
        title={title}
      />
      <RoleForm
        role={role}
        viewerPermissions={me.permissions}
        onSaved={() => void navigate('/admin/roles')}
      />
    </>
  );
}

function RoleNotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.roles.notFound.title'));
  return (
    <NotFoundState
      title={t('admin.roles.notFound.title')}
      text={t('admin.roles.notFound.text')}
      backTo="/admin/roles"
      backLabel={t('admin.roles.notFound.back')}
    />
  );
}
