import type { Role } from '@folio/schema';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useDeleteRole } from '../api/delete-role';
import { PermissionBadges } from './permission-badges';

/**
 * The roles, one row each, with what can be done to each: edit, delete (after asking). A table on
 * every screen: on a phone it scrolls sideways, keeping each role's permissions on its row.
 */
export function RoleTable({ roles }: { roles: Role[] }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const remove = useDeleteRole();
  const number = new Intl.NumberFormat(locale);
  // The role asked about stays named while the dialog fades out after the answer.
  const [deleting, setDeleting] = useState<Role | null>(null);
  const [confirming, setConfirming] = useState(false);

  function confirmDelete() {
    if (!deleting) return;
    const { name } = deleting;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        setConfirming(false);
        toast.show({ kind: 'success', text: t('admin.roles.deleted', { name }) });
      },
      // The API's word for it: the last role that lets anyone manage roles stays, say.
      onError: (error) => {
        setConfirming(false);
        toast.show({
          kind: 'danger',
          text: error instanceof ApiError ? error.message : t('error.unexpected'),
        });
      },
    });
  }

  return (
    <>
      <div className="table-responsive">
        <table className="table table-hover align-middle mb-0" data-testid="role-table">
          <thead className="text-nowrap">
            <tr>
              <th scope="col">{t('admin.roles.column.name')}</th>
              <th scope="col">{t('admin.roles.column.description')}</th>
              <th scope="col">{t('admin.roles.column.permissions')}</th>
              <th scope="col" className="text-end">
                {t('admin.roles.column.holders')}
              </th>
              <th scope="col">{t('admin.roles.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((role) => (
              <tr key={role.id}>
                <th scope="row" className="admin-role-name fw-semibold text-break">
                  {role.name}
                </th>
                <td className="admin-role-description text-body-secondary text-break">
                  {role.description}
                </td>
                <td className="admin-role-permissions">
                  <PermissionBadges permissions={role.permissions} />
                </td>
                <td className="text-end">{number.format(role.holders)}</td>
                <td className="text-nowrap">
                  <div className="d-flex gap-2">
                    <Link
                      to={`/admin/roles/${role.id}/edit`}
                      className="btn btn-sm btn-outline-primary"
                      aria-label={t('admin.roles.editLabel', { name: role.name })}
                    >
                      {t('admin.roles.edit')}
                    </Link>
                    <button
                      type="button"
                      className="btn btn-sm btn-outline-danger"
                      aria-label={t('admin.roles.deleteLabel', { name: role.name })}
                      onClick={() => {
                        setDeleting(role);
                        setConfirming(true);
                      }}
                    >
                      {t('admin.roles.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('admin.roles.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('admin.roles.delete')}
        busy={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setConfirming(false)}
      >
        {deleting && deleting.holders > 0
          ? t('admin.roles.deleteTextHeld', { count: number.format(deleting.holders) })
          : t('admin.roles.deleteText')}
      </ConfirmDialog>
    </>
  );
}
