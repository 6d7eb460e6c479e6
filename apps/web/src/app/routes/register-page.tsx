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
import { useSite } from '../../lib/api/get-site';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle, useSiteName } from '../../lib/use-document-title';

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
  // Until the settings are read (or if they can't be), both ways show; the API says if one is shut.
  const site = useSite().data;
  const siteName = useSiteName();
  const open = site?.registration ?? { phone: true, email: true };
  const methods = (['phone', 'email'] as const).filter((m) => open[m]);
  const shown = methods.includes(method) ? method : methods[0];

  if (status === 'authenticated' && !done) return <Navigate to={next} replace />;

  function registered(nickname: string) {
    setDone(true);
    toast.show({
      kind: 'success',
      text: t('register.welcome', { name: nickname, site: siteName }),
    });
    navigate(next, { replace: true });
  }

  const form =
    shown === 'phone' ? (
      <PhoneRegisterForm oauthTicket={ticket} onRegistered={registered} />
    ) : (
      <EmailRegisterForm oauthTicket={ticket} onAccepted={setSentTo} />
    );

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
      {ticket && !sentTo && shown && <OAuthPendingNotice ticket={ticket} on="register" />}
      {sentTo ? (
        <CheckInbox email={sentTo} onBack={() => setSentTo(null)} />
      ) : !shown ? (
        <p className="alert alert-secondary mb-0" data-testid="registration-closed">
          {t('register.closed')}
        </p>
      ) : methods.length === 1 ? (
        form
      ) : (
        <AuthTabs
          label={t('register.method')}
          tabs={[
            { id: 'phone', label: t('register.withPhone') },
            { id: 'email', label: t('register.withEmail') },
          ]}
          active={shown}
          onChange={setMethod}
        >
          {form}
        </AuthTabs>
      )}
    </AuthCard>
  );
}
