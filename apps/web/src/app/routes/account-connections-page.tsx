import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { useToast } from '../../components/toast-context';
import { useMe } from '../../lib/api/get-me';
import { ConnectionList } from '../../features/account/components/connection-list';
import { useOAuthProviders } from '../../features/auth/api/get-oauth-providers';
import { oauthErrorMessage } from '../../features/auth/oauth-error';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AccountConnectionsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('account.connections.title'));
  const toast = useToast();
  const me = useMe();
  const providers = useOAuthProviders();
  const [search, setSearch] = useSearchParams();
  const handled = useRef(false);
  const bound = search.get('bound');
  const oauthError = search.get('oauthError');
  const { refetch: refetchMe } = me;

  // Back from binding at the provider: say how it went once, then tidy the address.
  useEffect(() => {
    if (handled.current || (!bound && !oauthError)) return;
    handled.current = true;
    if (bound) {
      void refetchMe();
      toast.show({ kind: 'success', text: t('account.connections.bound') });
    } else if (oauthError) {
      toast.show({ kind: 'danger', text: oauthErrorMessage(oauthError, locale) });
    }
    setSearch({}, { replace: true });
  }, [bound, oauthError, locale, refetchMe, setSearch, t, toast]);

  const failed = me.error ?? providers.error;
  return (
    <>
      <h1 className="h3 mb-1">{t('account.connections.title')}</h1>
      <p className="text-body-secondary">{t('account.connections.intro')}</p>
      {me.data && providers.data ? (
        <ConnectionList me={me.data} providers={providers.data} />
      ) : failed ? (
        <ErrorAlert
          error={failed}
          onRetry={() => {
            void me.refetch();
            void providers.refetch();
          }}
        />
      ) : (
        <Loading />
      )}
    </>
  );
}
