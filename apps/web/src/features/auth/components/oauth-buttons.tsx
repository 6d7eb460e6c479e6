import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useOAuthProviders } from '../api/get-oauth-providers';
import { useStartOAuth } from '../../../lib/api/start-oauth';

/** "Continue with …" for each configured provider; nothing at all when there are none. */
export function OAuthButtons({ next }: { next?: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const providers = useOAuthProviders();
  const start = useStartOAuth();

  if (!providers.data?.length) return null;
  return (
    <div className="mt-3" data-testid="oauth-buttons">
      <div className="d-flex align-items-center gap-2 text-body-secondary small my-3">
        <hr className="flex-grow-1 my-0" />
        <span>{t('oauth.or')}</span>
        <hr className="flex-grow-1 my-0" />
      </div>
      <div className="d-grid gap-2">
        {providers.data.map((provider) => (
          <button
            key={provider.id}
            type="button"
            className="btn btn-outline-secondary"
            disabled={start.isPending}
            onClick={() =>
              start.mutate(
                { provider: provider.id, intent: 'login', next },
                {
                  onError: (error) =>
                    toast.show({
                      kind: 'danger',
                      text: error instanceof ApiError ? error.message : t('error.unexpected'),
                    }),
                },
              )
            }
          >
            {t('oauth.continueWith', { provider: provider.name })}
          </button>
        ))}
      </div>
    </div>
  );
}
