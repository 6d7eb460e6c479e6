import { BULK_USER_ACTIONS } from '@folio/schema';
import type { AdminUserFilterValue, BulkResult, BulkUserAction } from '@folio/schema';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useBulkUsers } from '../api/bulk-users';
import type { BulkUsersRequest } from '../api/bulk-users';
import { useCountText } from '../use-count-text';

/** Which users a bulk action takes: those ticked, or every one the filter matches. */
export type BulkTarget = { ids: number[] } | { all: AdminUserFilterValue; total: number };

/** The actions that take something away (logins, the account): red buttons. */
export const DANGER: Record<BulkUserAction, boolean> = {
  lock: true,
  unlock: false,
  delete: true,
  restore: false,
};

/** The body for `target`: `all` carries the filter as a query would (`roleId` in decimal). */
function requestOf(action: BulkUserAction, target: BulkTarget): BulkUsersRequest {
  if ('ids' in target) return { action, ids: target.ids };
  const { roleId, ...filter } = target.all;
  return { action, all: { ...filter, ...(roleId !== undefined && { roleId: String(roleId) }) } };
}

/** "12 users locked. 1 skipped." */
export function useBulkResultText() {
  const count = useCountText();
  return (action: BulkUserAction, { affected, skipped }: BulkResult) => {
    const done = count(`admin.users.bulk.${action}.done`, affected);
    return skipped > 0 ? `${done} ${count('admin.users.bulk.skipped', skipped)}` : done;
  };
}

/**
 * Lock, unlock, delete and restore for the selected users, each after a dialog that says what
 * will happen to how many; a toast then says what the API changed and what it left.
 */
export function UserBulkActions({ target, onDone }: { target: BulkTarget; onDone: () => void }) {
  const { t } = useI18n();
  const count = useCountText();
  const toast = useToast();
  const bulk = useBulkUsers();
  const resultText = useBulkResultText();
  const [action, setAction] = useState<BulkUserAction>('lock');
  const [confirming, setConfirming] = useState(false);
  // What the dialog names stays as asked while it fades out after the answer.
  const [asked, setAsked] = useState<BulkTarget>(target);
  const size = 'ids' in asked ? asked.ids.length : asked.total;

  function confirm() {
    bulk.mutate(requestOf(action, asked), {
      onSuccess: (result) => {
        setConfirming(false);
        toast.show({
          kind: result.affected > 0 ? 'success' : 'warning',
          text: resultText(action, result),
        });
        onDone();
      },
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
      <div
        className="d-flex flex-wrap gap-2"
        role="group"
        aria-label={t('admin.users.bulk.label')}
        data-testid="bulk-actions"
      >
        {BULK_USER_ACTIONS.map((name) => (
          <button
            key={name}
            type="button"
            className={`btn btn-sm ${DANGER[name] ? 'btn-outline-danger' : 'btn-outline-primary'}`}
            onClick={() => {
              setAction(name);
              setAsked(target);
              setConfirming(true);
            }}
          >
            {t(`admin.users.action.${name}`)}
          </button>
        ))}
      </div>
      <ConfirmDialog
        open={confirming}
        title={count(`admin.users.bulk.${action}.title`, size)}
        confirmLabel={t(`admin.users.action.${action}`)}
        kind={DANGER[action] ? 'danger' : 'primary'}
        busy={bulk.isPending}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
      >
        <p>{t(`admin.users.bulk.${action}.text`)}</p>
        {'all' in asked && <p>{t('admin.users.bulk.allNote')}</p>}
        <p className="mb-0 small text-body-secondary">{t('admin.users.bulk.safety')}</p>
      </ConfirmDialog>
    </>
  );
}
