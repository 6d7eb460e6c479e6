import type { AdminUserDetail, BulkUserAction } from '@folio/schema';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useBulkUsers } from '../api/bulk-users';
import { DANGER } from './user-bulk-actions';

/** What can be done to an account in its state. */
function actionsFor(status: AdminUserDetail['status']): BulkUserAction[] {
  if (status === 'deleted') return ['restore'];
  if (status === 'locked') return ['unlock', 'delete'];
  return ['lock', 'delete'];
}

/** Lock, unlock, delete or restore this one account, after asking. */
export function UserActions({
  user,
}: {
  user: Pick<AdminUserDetail, 'id' | 'nickname' | 'status'>;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const bulk = useBulkUsers();
  const [action, setAction] = useState<BulkUserAction>('lock');
  const [confirming, setConfirming] = useState(false);
  const name = user.nickname;

  function confirm() {
    bulk.mutate(
      { action, ids: [user.id] },
      {
        onSuccess: ({ affected }) => {
          setConfirming(false);
          toast.show(
            affected > 0
              ? { kind: 'success', text: t(`admin.user.action.${action}.done`, { name }) }
              : { kind: 'warning', text: t('admin.user.action.skipped', { name }) },
          );
        },
        onError: (error) => {
          setConfirming(false);
          toast.show({
            kind: 'danger',
            text: error instanceof ApiError ? error.message : t('error.unexpected'),
          });
        },
      },
    );
  }

  return (
    <>
      <div className="d-flex flex-wrap gap-2" data-testid="user-actions">
        {actionsFor(user.status).map((item) => (
          <button
            key={item}
            type="button"
            className={`btn ${DANGER[item] ? 'btn-outline-danger' : 'btn-outline-primary'}`}
            onClick={() => {
              setAction(item);
              setConfirming(true);
            }}
          >
            {t(`admin.users.action.${item}`)}
          </button>
        ))}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t(`admin.user.action.${action}.title`, { name })}
        confirmLabel={t(`admin.users.action.${action}`)}
        kind={DANGER[action] ? 'danger' : 'primary'}
        busy={bulk.isPending}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
      >
        {t(`admin.users.bulk.${action}.text`)}
      </ConfirmDialog>
    </>
  );
}
