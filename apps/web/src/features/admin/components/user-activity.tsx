import type { AuditEntry } from '@folio/schema';
import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { RelativeTime } from '../../../components/relative-time';
import { useI18n } from '../../../lib/i18n';
import { useUserActivity } from '../api/get-user-activity';
import { actionText, targetTypeText } from '../audit-texts';

/** The audit log's latest entries about the user or by them, newest first. */
export function UserActivity({ userId }: { userId: number }) {
  const { t } = useI18n();
  const titleId = useId();
  const activity = useUserActivity(userId);

  let body;
  if (activity.isPending) body = <Loading />;
  else if (!activity.data) {
    body = <ErrorAlert error={activity.error} onRetry={() => void activity.refetch()} />;
  } else if (activity.data.length === 0) {
    body = <p className="text-body-secondary mb-0">{t('admin.user.activity.empty')}</p>;
  } else {
    body = (
      <ol className="list-group list-group-flush" data-testid="user-activity">
        {activity.data.map((entry) => (
          <ActivityEntry key={entry.id} entry={entry} userId={userId} />
        ))}
      </ol>
    );
  }

  return (
    <section className="card mb-4" aria-labelledby={titleId}>
      <div className="card-body">
        <h2 className="h5 card-title mb-1" id={titleId}>
          {t('admin.user.activity')}
        </h2>
        <p className="small text-body-secondary">{t('admin.user.activity.intro')}</p>
        {body}
      </div>
    </section>
  );
}

function ActivityEntry({ entry, userId }: { entry: AuditEntry; userId: number }) {
  const { t } = useI18n();
  // Another user or a role the user acted on; this user as the target goes without saying.
  const target =
    entry.targetType &&
    entry.targetId &&
    !(entry.targetType === 'user' && entry.targetId === String(userId))
      ? { type: entry.targetType, id: entry.targetId }
      : null;
  return (
    <li className="list-group-item px-0 d-flex flex-wrap column-gap-2" data-action={entry.action}>
      <span className="fw-semibold">{actionText(entry.action, t)}</span>
      {target &&
        (target.type === 'user' ? (
          <Link to={`/admin/users/${target.id}`}>
            {t('admin.user.activity.target.user', { id: target.id })}
          </Link>
        ) : (
          <span>
            {targetTypeText(target.type, t)} #{target.id}
          </span>
        ))}
      <span className="text-body-secondary">
        {entry.actor
          ? entry.actor.id === userId
            ? null
            : t('admin.user.activity.by', { name: entry.actor.nickname })
          : t('admin.user.activity.anonymous')}
      </span>
      {entry.ip && <span className="small text-body-secondary">{entry.ip}</span>}
      <span className="small text-body-secondary ms-auto">
        <RelativeTime dateTime={entry.at} />
      </span>
    </li>
  );
}
