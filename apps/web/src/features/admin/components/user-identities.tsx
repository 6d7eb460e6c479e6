import { useId } from 'react';
import type { Identity } from '@folio/schema';
import { RelativeTime } from '../../../components/relative-time';
import { useI18n } from '../../../lib/i18n';

/** The ways the account logs in: its email, phone and OAuth providers. */
export function UserIdentities({ identities }: { identities: Identity[] }) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <section className="card mb-4" aria-labelledby={titleId}>
      <div className="card-body">
        <h2 className="h5 card-title" id={titleId}>
          {t('admin.user.identities')}
        </h2>
        {identities.length === 0 ? (
          <p className="text-body-secondary mb-0">{t('admin.user.identities.empty')}</p>
        ) : (
          <ul className="list-group list-group-flush" data-testid="user-identities">
            {identities.map((identity) => (
              <li key={identity.id} className="list-group-item px-0 d-flex flex-wrap gap-2">
                <span className="fw-semibold">
                  {identity.kind === 'oauth'
                    ? t('admin.user.identity.oauth', { provider: identity.provider })
                    : t(`admin.user.identity.${identity.kind}`)}
                </span>
                <span className="text-break">{identity.label}</span>
                <span
                  className={`badge ${identity.verifiedAt ? 'text-bg-success' : 'text-bg-light border'}`}
                >
                  {identity.verifiedAt
                    ? t('admin.user.identity.verified')
                    : t('admin.user.identity.unverified')}
                </span>
                <span className="small text-body-secondary ms-auto">
                  <RelativeTime dateTime={identity.createdAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
