import { NotificationListQuery } from '@folio/schema';
import { PagedList } from '../../components/paged-list';
import { useToast } from '../../components/toast-context';
import { useMarkAllNotificationsRead } from '../../features/notifications/api/change-notifications';
import { useNotifications } from '../../features/notifications/api/get-notifications';
import { NotificationList } from '../../features/notifications/components/notification-list';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';
import { RequireLogin } from '../layouts/require-login';

/** The person's notifications, newest first, paged; new ones come in without a reload. */
export function NotificationsPage() {
  return (
    <RequireLogin>
      <Notifications />
    </RequireLogin>
  );
}

function Notifications() {
  const { t } = useI18n();
  const toast = useToast();
  useDocumentTitle(t('notifications.title'));
  const [search, update] = useListSearch(NotificationListQuery);
  const list = useNotifications(search);
  const markAll = useMarkAllNotificationsRead();
  const unread = list.data?.unread ?? 0;

  return (
    <>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
        <h1 className="h2 mb-0">{t('notifications.title')}</h1>
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={unread === 0 || markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: () => toast.show({ kind: 'success', text: t('notifications.allRead') }),
            })
          }
          data-testid="mark-all-read"
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      <PagedList
        query={list}
        onPageChange={(page) => update({ page })}
        paginationLabel={t('notifications.pagination')}
        empty={<p className="mb-0">{t('notifications.empty')}</p>}
      >
        {(page) => <NotificationList items={page.items} />}
      </PagedList>
    </>
  );
}
