import { safeNextPath } from '@folio/schema';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { useToast } from '../../components/toast-context';
import { useAuth } from '../../lib/auth-context';
import { AuthCard } from '../../features/auth/components/auth-card';
import { AuthTabs } from '../../features/auth/components/auth-tabs';
import { OAuthButtons } from '../../features/auth/components/oauth-buttons';
import { OAuthPendingNotice } from '../../features/auth/components/oauth-pending-notice';
import { PasswordLoginForm } from '../../features/auth/components/password-login-form';
import { SmsLoginForm } from '../../features/auth/components/sms-login-form';
import { oauthErrorMessage } from '../../features/auth/oauth-error';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

type Method = 'password' | 'sms';

export function LoginPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('login.title'));
  const toast = useToast();
  const navigate = useNavigate();
  const { status } = useAuth();
  const [search] = useSearchParams();
  const [method, setMethod] = useState<Method>('password');
  const next = safeNextPath(search.get('next'));
  const ticket = search.get('oauth') ?? undefined;
  const oauthError = search.get('oauthError');
  // Set by a login on this page: it says welcome and leaves by itself.
  const [done, setDone] = useState(false);

  if (status === 'authenticated' && !done && !ticket) return <Navigate to={next} replace />;

  function loggedIn(nickname: string) {
    setDone(true);
    toast.show({ kind: 'success', text: t('login.welcome', { name: nickname }) });
    navigate(next, { replace: true });
  }

  const registerLink = `/register${ticket ? `?oauth=${encodeURIComponent(ticket)}` : next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`;

  return (
    <AuthCard
      title={t('login.title')}
      footer={
        <>
          {t('login.noAccount')} <Link to={registerLink}>{t('login.registerLink')}</Link>
        </>
      }
    >
      {oauthError && <FormAlert>{oauthErrorMessage(oauthError, locale)}</FormAlert>}
      {ticket && <OAuthPendingNotice ticket={ticket} on="login" />}
      <AuthTabs
        label={t('login.method')}
        tabs={[
          { id: 'password', label: t('login.withPassword') },
          { id: 'sms', label: t('login.withSms') },
        ]}
        active={method}
        onChange={setMethod}
      >
        {method === 'password' ? (
          <PasswordLoginForm oauthTicket={ticket} onLoggedIn={loggedIn} />
        ) : (
          <SmsLoginForm oauthTicket={ticket} onLoggedIn={loggedIn} />
        )}
      </AuthTabs>
      <div className="text-center mt-3">
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </div>
      {!ticket && <OAuthButtons next={next} />}
    </AuthCard>
  );
}
