import { useId } from 'react';
import type { AdminUserDetail } from '@folio/schema';
import type { ReactNode } from 'react';
import { RelativeTime } from '../../../components/relative-time';
import { useI18n } from '../../../lib/i18n';
import { UserPicture } from './user-picture';
import { UserStatusBadge } from './user-status-badge';

/** Who the account is: picture, nickname, contacts, state, registration and last login. */
export function UserProfile({ user }: { user: AdminUserDetail }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const none = <span className="text-body-secondary">{t('admin.user.notGiven')}</span>;
  const rows: [string, ReactNode][] = [
    [t('admin.user.id'), new Intl.NumberFormat(locale).format(user.id)],
    [t('admin.user.nickname'), user.nickname],
    [t('admin.user.email'), user.email ?? none],
    [t('admin.user.phone'), user.phone ?? none],
    [t('admin.user.status'), <UserStatusBadge key="status" status={user.status} />],
    [t('admin.user.registered'), <RelativeTime key="created" dateTime={user.createdAt} />],
    [
      t('admin.user.lastLogin'),
      user.lastLoginAt ? (
        <>
          <RelativeTime dateTime={user.lastLoginAt} />
          {user.lastLoginIp && (
            <span className="text-body-secondary ms-2">
              {t('admin.user.lastLoginIp', { ip: user.lastLoginIp })}
            </span>
          )}
        </>
      ) : (
        <span className="text-body-secondary">{t('admin.users.never')}</span>
      ),
    ],
  ];
  return (
    <section className="card mb-4" data-testid="user-profile" aria-labelledby={titleId}>
      <div className="card-body">
        <h2 className="h5 card-title" id={titleId}>
          {t('admin.user.profile')}
        </h2>
        <div className="d-flex flex-column flex-sm-row gap-4 align-items-start">
          <UserPicture
            nickname={user.nickname}
            src={user.avatarUrl}
            alt={t('admin.user.avatar', { name: user.nickname })}
            size={96}
          />
          <dl className="mb-0 flex-grow-1 admin-user-facts">
            {rows.map(([label, value]) => (
              <div key={label} className="d-flex flex-wrap column-gap-2 mb-1">
                <dt className="text-body-secondary fw-normal admin-user-fact-label">{label}</dt>
                <dd className="mb-0 text-break">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </section>
  );
}
