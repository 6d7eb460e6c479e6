import type { Identity, Me, OAuthProvider } from '@folio/schema';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TimedPhrase } from '../../../components/timed-phrase';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useStartOAuth } from '../../../lib/api/start-oauth';
import { useRemoveIdentity } from '../api/remove-identity';

interface Row {
  key: string;
  name: string;
  identity?: Identity;
  /** A configured provider not bound yet: it can be linked. */
  provider?: OAuthProvider;
}

/** Every way to log in: email, phone and each provider, bound or ready to bind. */
export function ConnectionList({ me, providers }: { me: Me; providers: OAuthProvider[] }) {
  const { t } = useI18n();
  const toast = useToast();
  const start = useStartOAuth();
  const remove = useRemoveIdentity();
  const [removing, setRemoving] = useState<Row | null>(null);

  const nameOf = (identity: Identity) =>
    identity.kind === 'email'
      ? t('account.connections.email')
      : identity.kind === 'phone'
        ? t('account.connections.phone')
        : (providers.find((p) => p.id === identity.provider)?.name ?? identity.provider);

  const rows: Row[] = [
    ...me.identities
      .filter((identity) => identity.kind !== 'oauth')
      .map((identity) => ({ key: `i${identity.id}`, name: nameOf(identity), identity })),
    ...providers.map((provider) => ({
      key: `p${provider.id}`,
      name: provider.name,
      provider,
      identity: me.identities.find((i) => i.kind === 'oauth' && i.provider === provider.id),
    })),
    // Bound to a provider that is no longer offered: it can still be removed.
    ...me.identities
      .filter((i) => i.kind === 'oauth' && !providers.some((p) => p.id === i.provider))
      .map((identity) => ({ key: `i${identity.id}`, name: nameOf(identity), identity })),
  ];

  // The API refuses to remove the last way to log in; say so before anyone tries.
  const onlyOne = me.identities.length <= 1;

  function fail(error: unknown) {
    toast.show({
      kind: 'danger',
      text: error instanceof ApiError ? error.message : t('error.unexpected'),
    });
  }

  function link(provider: OAuthProvider) {
    start.mutate(
      { provider: provider.id, intent: 'bind', next: '/account/connections' },
      { onError: fail },
    );
  }

  function unlink() {
    const identity = removing?.identity;
    if (!identity) return;
    remove.mutate(identity.id, {
      onSuccess: () => {
        toast.show({
          kind: 'success',
          text: t('account.connections.removed', { name: removing.name }),
        });
        setRemoving(null);
      },
      onError: (error) => {
        setRemoving(null);
        fail(error);
      },
    });
  }

  return (
    <>
      <ul className="list-group" data-testid="connection-list">
        {rows.map((row) => (
          <li
            key={row.key}
            className="list-group-item d-flex flex-wrap align-items-center gap-2"
            data-testid="connection"
          >
            <div className="flex-grow-1 min-w-0">
              <div className="fw-semibold">{row.name}</div>
              {row.identity ? (
                <div className="small text-body-secondary text-break">
                  {row.identity.label} ·{' '}
                  <TimedPhrase
                    message={t('account.connections.since')}
                    dateTime={row.identity.createdAt}
                  />
                </div>
              ) : (
                <div className="small text-body-secondary">
                  {t('account.connections.notLinked')}
                </div>
              )}
            </div>
            {row.identity ? (
              <button
                type="button"
                className="btn btn-sm btn-outline-danger"
                onClick={() => setRemoving(row)}
                disabled={onlyOne}
                title={onlyOne ? t('account.connections.lastOne') : undefined}
              >
                {t(
                  row.identity.kind === 'oauth'
                    ? 'account.connections.unlink'
                    : 'account.connections.remove',
                )}
              </button>
            ) : (
              row.provider && (
                <button
                  type="button"
                  className="btn btn-sm btn-outline-primary"
                  disabled={start.isPending}
                  onClick={() => row.provider && link(row.provider)}
                >
                  {t('account.connections.link')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
      {onlyOne && <p className="form-text mt-2">{t('account.connections.lastOne')}</p>}
      {providers.length === 0 && (
        <p className="form-text mt-2" data-testid="no-providers">
          {t('account.connections.noProviders')}
        </p>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('account.connections.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('account.connections.removeConfirm')}
        busy={remove.isPending}
        onConfirm={unlink}
        onClose={() => setRemoving(null)}
      >
        {t('account.connections.removeText', {
          name: removing?.name ?? '',
          label: removing?.identity?.label ?? '',
        })}
      </ConfirmDialog>
    </>
  );
}
