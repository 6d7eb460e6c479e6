import type { Notification } from '@folio/schema';
import { Link } from 'react-router';
import { RelativeTime } from '../../../components/relative-time';
import { useI18n } from '../../../lib/i18n';
import { useDeleteNotification, useMarkNotificationRead } from '../api/change-notifications';

/** Where a notification leads: its comment on the blog's page. */
export const commentLink = (n: Pick<Notification, 'blog' | 'commentId'>) =>
  `/blogs/${n.blog.id}#comment-${n.commentId}`;

/** A page of notifications: opening one marks it read; each can be marked read or deleted. */
export function NotificationList({ items }: { items: Notification[] }) {
  const { t } = useI18n();
  const markRead = useMarkNotificationRead();
  const remove = useDeleteNotification();

  return (
    <ul className="list-group" data-testid="notification-list">
      {items.map((n) => (
        <li
          key={n.id}
          className={`list-group-item d-flex flex-column flex-sm-row gap-2 ${n.read ? '' : 'list-group-item-light border-start border-primary border-3'}`}
          data-testid="notification"
          data-read={n.read}
        >
          <div className="flex-grow-1 min-w-0">
            <div className="d-flex align-items-center gap-2">
              {!n.read && <span className="badge text-bg-primary">{t('notifications.new')}</span>}
              <Link
                to={commentLink(n)}
                className={`text-break ${n.read ? '' : 'fw-semibold'}`}
                onClick={() => {
                  if (!n.read) markRead.mutate(n.id);
                }}
              >
                {t(`notifications.type.${n.type}`, { name: n.actor.nickname, title: n.blog.title })}
              </Link>
            </div>
            {n.excerpt && (
              <p className="mb-1 mt-1 small text-body-secondary text-break">{n.excerpt}</p>
            )}
            <RelativeTime dateTime={n.createdAt} className="small text-body-secondary" />
          </div>
          <div className="d-flex gap-2 align-self-sm-center flex-shrink-0">
            {!n.read && (
              <button
                type="button"
                className="btn btn-sm btn-outline-secondary"
                disabled={markRead.isPending && markRead.variables === n.id}
                onClick={() => markRead.mutate(n.id)}
              >
                {t('notifications.markRead')}
              </button>
            )}
            <button
              type="button"
              className="btn btn-sm btn-outline-danger"
              disabled={remove.isPending && remove.variables === n.id}
              onClick={() => remove.mutate(n.id)}
              aria-label={`${t('notifications.delete')}: ${t(`notifications.type.${n.type}`, { name: n.actor.nickname, title: n.blog.title })}`}
            >
              {t('notifications.delete')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
