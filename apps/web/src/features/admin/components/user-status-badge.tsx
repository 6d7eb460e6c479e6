import type { AdminUserStatus } from '@folio/schema';
import { useI18n } from '../../../lib/i18n';

const STYLE: Record<AdminUserStatus, string> = {
  pending: 'text-bg-light border',
  active: 'text-bg-success',
  locked: 'text-bg-warning',
  deleted: 'text-bg-secondary',
};

/** An account's state as staff see it, in words and a colour. */
export function UserStatusBadge({ status }: { status: AdminUserStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${STYLE[status]}`} data-status={status}>
      {t(`admin.users.status.${status}`)}
    </span>
  );
}
