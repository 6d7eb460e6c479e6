import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NavLink } from 'react-router';
import { useToast } from '../../../components/toast-context';
import { useI18n } from '../../../lib/i18n';
import { onLiveEvent } from '../../../lib/live-events';
import { startLiveStream } from '../../../lib/live-stream';
import { unreadCountQueryOptions, useUnreadCount } from '../api/get-unread-count';
import { notificationsKey } from '../api/notifications-key';

/**
 * While the person is logged in (the account menu is mounted), their event stream is open: each
 * notification sets the bell's count, makes the list read afresh, and a reply or mention shows a
 * toast on whatever page they are reading.
 */
function useLiveNotifications() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { t } = useI18n();

  useEffect(() => startLiveStream(), []);

  useEffect(
    () =>
      onLiveEvent((event) => {
        if (event.type !== 'notification') return;
        const { notification } = event;
        const unreadKey = unreadCountQueryOptions().queryKey;
        if (typeof notification.unread === 'number') {
          queryClient.setQueryData(unreadKey, { unread: notification.unread });
        } else {
          void queryClient.invalidateQueries({ queryKey: unreadKey });
        }
        void queryClient.invalidateQueries({ queryKey: [...notificationsKey(), 'list'] });
        if (notification.type !== 'comment' && notification.actor && notification.blog) {
          toast.show({
            kind: 'info',
            text: t(`notifications.type.${notification.type}`, {
              name: notification.actor.nickname,
              title: notification.blog.title,
            }),
          });
        }
      }),
    [queryClient, toast, t],
  );
}

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
      <path d="M8 16a2 2 0 0 0 2-2H6a2 2 0 0 0 2 2M8 1.918l-.797.161A4 4 0 0 0 4 6c0 .628-.134 2.197-.459 3.742-.16.767-.376 1.566-.663 2.258h10.244c-.287-.692-.502-1.49-.663-2.258C12.134 8.197 12 6.628 12 6a4 4 0 0 0-3.203-3.92zM14.22 12c.223.447.481.801.78 1H1c.299-.199.557-.553.78-1C2.68 10.2 3 6.88 3 6c0-2.42 1.72-4.44 4.005-4.901a1 1 0 1 1 1.99 0A5 5 0 0 1 13 6c0 .88.32 4.2 1.22 6" />
    </svg>
  );
}

/** The navbar's bell: the unread count, kept fresh by the event stream; it opens the list. */
export function NotificationBell({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const count = useUnreadCount();
  useLiveNotifications();
  const unread = count.data?.unread ?? 0;

  return (
    <li className="nav-item">
      <NavLink
        to="/me/notifications"
        className="nav-link d-flex align-items-center gap-2"
        aria-label={
          unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')
        }
        data-testid="notification-bell"
        onClick={onNavigate}
      >
        <span className="position-relative d-inline-flex">
          <BellIcon />
          {unread > 0 && (
            <span
              className="position-absolute top-0 start-100 translate-middle badge rounded-pill text-bg-danger"
              data-testid="notification-count"
            >
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </span>
        <span className="d-lg-none ms-2">{t('notifications.title')}</span>
      </NavLink>
    </li>
  );
}
