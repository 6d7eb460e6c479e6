import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useOAuthPending } from '../api/get-oauth-pending';

interface OAuthPendingNoticeProps {
  ticket: string;
  /** Which page this is: it points the person at the other way. */
  on: 'login' | 'register';
}

/** Signed in with a provider no account is bound to yet: log in to bind it, or register. */
export function OAuthPendingNotice({ ticket, on }: OAuthPendingNoticeProps) {
  const { t } = useI18n();
  const pending = useOAuthPending(ticket);
  const other = `/${on === 'login' ? 'register' : 'login'}?oauth=${encodeURIComponent(ticket)}`;

  if (pending.isPending) return null;
  if (!pending.data) {
    return (
      <div className="alert alert-warning" role="status">
        {t('oauth.pendingExpired')}
      </div>
    );
  }
  const { provider, email, name } = pending.data;
  return (
    <div className="alert alert-info" role="status" data-testid="oauth-pending">
      <p className="mb-1">
        {t('oauth.pendingIntro', { provider: provider.name, account: email ?? name ?? '' })}
      </p>
      <p className="mb-0">
        {t(on === 'login' ? 'oauth.pendingLogin' : 'oauth.pendingRegister', {
          provider: provider.name,
        })}{' '}
        <Link to={other} className="alert-link">
          {t(on === 'login' ? 'oauth.orRegister' : 'oauth.orLogin')}
        </Link>
      </p>
    </div>
  );
}
