import type { Session } from '@folio/schema';
import { TimedPhrase } from '../../../components/timed-phrase';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useRevokeSession } from '../api/revoke-session';

/** "Chrome on macOS", or what little the user agent told. */
function describe(session: Session, unknown: string): string {
  const parts = [session.browser, session.os].filter(Boolean);
  if (parts.length === 2) return `${parts[0]} · ${parts[1]}`;
  return parts[0] ?? session.device ?? unknown;
}

export function SessionList({ sessions }: { sessions: Session[] }) {
  const { t } = useI18n();
  const toast = useToast();
  const revoke = useRevokeSession();

  function end(session: Session) {
    revoke.mutate(session.id, {
      onSuccess: () => toast.show({ kind: 'success', text: t('account.sessions.revoked') }),
      onError: (error) =>
        toast.show({
          kind: 'danger',
          text: error instanceof ApiError ? error.message : t('error.unexpected'),
        }),
    });
  }

  return (
    <ul className="list-group mb-4" data-testid="session-list">
      {sessions.map((session) => (
        <li
          key={session.id}
          className="list-group-item d-flex flex-wrap align-items-start gap-2"
          data-testid="session"
          data-current={session.current || undefined}
        >
          <div className="flex-grow-1 min-w-0">
            <div className="fw-semibold text-break">
              {describe(session, t('account.sessions.unknownDevice'))}
              {session.device && (session.browser || session.os) && (
                <span className="text-body-secondary fw-normal"> · {session.device}</span>
              )}
              {session.current && (
                <span className="badge text-bg-success ms-2">{t('account.sessions.current')}</span>
              )}
            </div>
            <div className="small text-body-secondary">
              {session.ip && (
                <span className="me-2">{t('account.sessions.ip', { ip: session.ip })}</span>
              )}
              <span className="me-2">
                <TimedPhrase message={t('account.sessions.created')} dateTime={session.createdAt} />
              </span>
              <span>
                <TimedPhrase
                  message={t('account.sessions.lastUsed')}
                  dateTime={session.lastUsedAt}
                />
              </span>
            </div>
          </div>
          {!session.current && (
            <button
              type="button"
              className="btn btn-sm btn-outline-danger"
              onClick={() => end(session)}
              disabled={revoke.isPending && revoke.variables === session.id}
              data-testid="revoke-session"
            >
              {t('account.sessions.revoke')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
