import { IdSchema } from '@folio/schema';
import type { AdminUserDetail } from '@folio/schema';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { NotFoundState } from '../../components/not-found-state';
import { useUser } from '../../features/admin/api/get-user';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { UserActions } from '../../features/admin/components/user-actions';
import { UserActivity } from '../../features/admin/components/user-activity';
import { UserIdentities } from '../../features/admin/components/user-identities';
import { UserProfile } from '../../features/admin/components/user-profile';
import { UserRoles } from '../../features/admin/components/user-roles';
import { UserSessions } from '../../features/admin/components/user-sessions';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../lib/api/get-me';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

/** One account as staff see it, and what they may do to it. */
export function AdminUserPage() {
  const id = IdSchema.safeParse(useParams().id);
  return id.success ? <UserById key={id.data} id={id.data} /> : <UserNotFound />;
}

function UserById({ id }: { id: number }) {
  const user = useUser(id);
  if (user.error instanceof ApiError && user.error.status === 404) return <UserNotFound />;
  if (user.error instanceof ApiError && user.error.status === 403) {
    return <SectionNoAccess permission="users.read" />;
  }
  if (user.isPending) return <Loading />;
  if (!user.data) return <ErrorAlert error={user.error} onRetry={() => void user.refetch()} />;
  return <UserDetail user={user.data} />;
}

function UserDetail({ user }: { user: AdminUserDetail }) {
  const { t } = useI18n();
  useDocumentTitle(user.nickname);
  // The section's guard shows this page only once the account is in.
  const me = useMe().data!;
  const { permissions } = me;
  const canWrite = permissions.includes('users.write');
  // The API never locks or deletes the one asking: their own page offers neither.
  const canAct = canWrite && me.id !== user.id;
  return (
    <>
      <AdminHeader
        trail={[{ label: t('admin.users.title'), to: '/admin/users' }, { label: user.nickname }]}
        title={user.nickname}
        actions={canAct ? <UserActions user={user} /> : undefined}
      />
      <div className="row gx-4">
        <div className="col-xl-7">
          <UserProfile user={user} />
          <UserRoles
            user={user}
            canManage={permissions.includes('roles.manage')}
            viewerPermissions={permissions}
          />
          <UserIdentities identities={user.identities} />
        </div>
        <div className="col-xl-5">
          <UserSessions userId={user.id} sessions={user.sessions} canRevoke={canWrite} />
          {permissions.includes('audit.read') && <UserActivity userId={user.id} />}
        </div>
      </div>
    </>
  );
}

function UserNotFound() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.user.notFound.title'));
  return (
    <NotFoundState
      title={t('admin.user.notFound.title')}
      text={t('admin.user.notFound.text')}
      backTo="/admin/users"
      backLabel={t('admin.user.notFound.back')}
    />
  );
}
