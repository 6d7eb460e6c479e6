import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { useToast } from '../../components/toast-context';
import { useSessions } from '../../features/account/api/get-sessions';
import { useRevokeOtherSessions } from '../../features/account/api/revoke-other-sessions';
import { SessionList } from '../../features/account/components/session-list';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AccountSessionsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('account.sessions.title'));
  const toast = useToast();
  const sessions = useSessions();
  const revokeOthers = useRevokeOtherSessions();
  const [confirming, setConfirming] = useState(false);
  const others = sessions.data?.filter((session) => !session.current).length ?? 0;

  function endOthers() {
    revokeOthers.mutate(undefined, {
      onSuccess: ({ revoked }) => {
        setConfirming(false);
        toast.show({
          kind: 'success',
          text: t('account.sessions.othersRevoked', { count: revoked }),
        });
      },
      onError: (error) =>
        toast.show({
          kind: 'danger',
          text: error instanceof ApiError ? error.message : t('error.unexpected'),
        }),
    });
  }

  return (
    <>
      <h1 className="h3 mb-1">{t('account.sessions.title')}</h1>
      <p className="text-body-secondary">{t('account.sessions.intro')}</p>
      {sessions.data ? (
        <>
          <SessionList sessions={sessions.data} />
          <button
            type="button"
            className="btn btn-outline-danger"
            onClick={() => setConfirming(true)}
            disabled={others === 0}
            data-testid="revoke-others"
          >
            {t('account.sessions.revokeOthers')}
          </button>
          <ConfirmDialog
            open={confirming}
            title={t('account.sessions.revokeOthers')}
            confirmLabel={t('account.sessions.revokeOthersConfirm')}
            busy={revokeOthers.isPending}
            onConfirm={endOthers}
            onClose={() => setConfirming(false)}
          >
            {t('account.sessions.revokeOthersText', { count: others })}
          </ConfirmDialog>
        </>
      ) : sessions.isError ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <Loading />
      )}
    </>
  );
}
