import type { Session } from '@folio/schema';
import { useId } from 'react';
import { TimedPhrase } from '../../../components/timed-phrase';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useRevokeUserSession } from '../api/revoke-user-session';

/** "Chrome · macOS", or what little the user agent told. */
function deviceOf(session: Session, unknown: string): string {
  const parts = [session.browser, session.os].filter(Boolean);
  if (parts.length === 2) return `${parts[0]} · ${parts[1]}`;
  return parts[0] ?? session.device ?? unknown;
}

interface UserSessionsProps {
  userId: number;
  sessions: Session[];
  /** Staff who may change users log a session out here. */
  canRevoke: boolean;
}

/** Where the account is logged in now; each session ended from here logs that device out. */
export function UserSessions({ userId, sessions, canRevoke }: UserSessionsProps) {
  const { t } = useI18n();
  const titleId = useId();
  const toast = useToast();
  const revoke = useRevokeUserSession();

  function end(session: Session) {
    revoke.mutate(
      { userId, sid: session.id },
      {
        onSuccess: () => toast.show({ kind: 'success', text: t('admin.user.session.revoked') }),
        onError: (error) =>
          toast.show({
            kind: 'danger',
            text: error instanceof ApiError ? error.message : t('error.unexpected'),
          }),
      },
    );
  }

  return (
    <section className="card mb-4" aria-labelledby={titleId}>
      <div className="card-body">
        <h2 className="h5 card-title" id={titleId}>
          {t('admin.user.sessions')}
        </h2>
        {sessions.length === 0 ? (
          <p className="text-body-secondary mb-0" data-testid="no-sessions">
            {t('admin.user.sessions.empty')}
          </p>
        ) : (
          <ul className="list-group list-group-flush" data-testid="user-sessions">
            {sessions.map((session) => {
              const device = deviceOf(session, t('admin.user.session.unknownDevice'));
              return (
                <li
                  key={session.id}
                  className="list-group-item px-0 d-flex flex-wrap align-items-start gap-2"
                  data-testid="user-session"
                >
                  <div className="flex-grow-1 min-w-0">
                    <div className="fw-semibold text-break">
                      {device}
                      {session.device && (session.browser || session.os) && (
                        <span className="text-body-secondary fw-normal"> · {session.device}</span>
                      )}
                    </div>
                    <div className="small text-body-secondary d-flex flex-wrap column-gap-2">
                      {session.ip && <span>{t('admin.user.session.ip', { ip: session.ip })}</span>}
                      <span>
                        <TimedPhrase
                          message={t('admin.user.session.created')}
                          dateTime={session.createdAt}
                        />
                      </span>
                      <span>
                        <TimedPhrase
                          message={t('admin.user.session.lastUsed')}
                          dateTime={session.lastUsedAt}
                        />
                      </span>
                    </div>
                  </div>
                  {canRevoke && (
                    <button
                      type="button"
                      className="btn btn-sm btn-outline-danger"
                      aria-label={t('admin.user.session.revokeLabel', { device })}
                      disabled={revoke.isPending && revoke.variables.sid === session.id}
                      onClick={() => end(session)}
                    >
                      {t('admin.user.session.revoke')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
