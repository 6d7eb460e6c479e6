import { safeNextPath } from '@folio/schema';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useToast } from '../../components/toast-context';
import { useAuth } from '../../lib/auth-context';
import { AuthCard } from '../../features/auth/components/auth-card';
import { AuthTabs } from '../../features/auth/components/auth-tabs';
import { CheckInbox } from '../../features/auth/components/check-inbox';
import { EmailRegisterForm } from '../../features/auth/components/email-register-form';
import { OAuthPendingNotice } from '../../features/auth/components/oauth-pending-notice';
import { PhoneRegisterForm } from '../../features/auth/components/phone-register-form';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

type Method = 'phone' | 'email';

export function RegisterPage() {
  const { t } = useI18n();
  useDocumentTitle(t('register.title'));
  const toast = useToast();
  const navigate = useNavigate();
  const { status } = useAuth();
  const [search] = useSearchParams();
  const [method, setMethod] = useState<Method>(search.get('tab') === 'email' ? 'email' : 'phone');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const next = safeNextPath(search.get('next'), '/account');
  const ticket = search.get('oauth') ?? undefined;

  if (status === 'authenticated' && !done) return <Navigate to={next} replace />;

  function registered(nickname: string) {
    setDone(true);
    toast.show({ kind: 'success', text: t('register.welcome', { name: nickname }) });
    navigate(next, { replace: true });
  }

  return (
    <AuthCard
      title={t('register.title')}
      footer={
        <>
          {t('register.haveAccount')}{' '}
          <Link to={ticket ? `/login?oauth=${encodeURIComponent(ticket)}` : '/login'}>
            {t('register.loginLink')}
          </Link>
        </>
      }
    >
      {ticket && !sentTo && <OAuthPendingNotice ticket={ticket} on="register" />}
      {sentTo ? (
        <CheckInbox email={sentTo} onBack={() => setSentTo(null)} />
      ) : (
        <AuthTabs
          label={t('register.method')}
          tabs={[
            { id: 'phone', label: t('register.withPhone') },
            { id: 'email', label: t('register.withEmail') },
          ]}
          active={method}
          onChange={setMethod}
        >
          {method === 'phone' ? (
            <PhoneRegisterForm oauthTicket={ticket} onRegistered={registered} />
          ) : (
            <EmailRegisterForm oauthTicket={ticket} onAccepted={setSentTo} />
          )}
        </AuthTabs>
      )}
    </AuthCard>
  );
}
