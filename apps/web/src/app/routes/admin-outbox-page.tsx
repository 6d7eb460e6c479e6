import { OUTBOX_CHANNELS, OutboxListQuery } from '@folio/schema';
import type { OutboxChannel } from '@folio/schema';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { EmptyState } from '../../components/empty-state';
import { PagedList } from '../../components/paged-list';
import { useOutbox } from '../../features/admin/api/get-outbox';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { OutboxTable } from '../../features/admin/components/outbox-table';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useListSearch } from '../../lib/list-search';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The mail and SMS the outbox kept, newest first, by channel and recipient, in the URL. */
export function AdminOutboxPage() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.outbox.title'));
  const [search, update] = useListSearch(OutboxListQuery);
  const list = useOutbox(search);
  const channelId = useId();
  const recipientId = useId();
  const [recipient, setRecipient] = useState(search.recipient ?? '');

  if (list.error instanceof ApiError && list.error.status === 403) {
    return <SectionNoAccess permission="system.settings" />;
  }
  const header = (
    <AdminHeader trail={[{ label: t('admin.outbox.title') }]} title={t('admin.outbox.title')} />
  );
  // A production server with real transports keeps no outbox.
  if (list.error instanceof ApiError && list.error.status === 404) {
    return (
      <>
        {header}
        <EmptyState>
          <h2 className="h5">{t('admin.outbox.unavailableTitle')}</h2>
          <p className="mb-0" data-testid="outbox-unavailable">
            {t('admin.outbox.unavailableText')}
          </p>
        </EmptyState>
      </>
    );
  }

  function filter(event: FormEvent) {
    event.preventDefault();
    update({ recipient: recipient.trim() });
  }

  const filtered = search.channel !== undefined || search.recipient !== undefined;
  return (
    <>
      {header}
      <p className="text-body-secondary">{t('admin.outbox.intro')}</p>
      <form
        className="row g-2 align-items-end mb-3"
        onSubmit={filter}
        role="search"
        data-testid="outbox-filter"
      >
        <div className="col-12 col-sm-4 col-lg-3">
          <label htmlFor={channelId} className="form-label small text-body-secondary mb-1">
            {t('admin.outbox.channel')}
          </label>
          <select
            id={channelId}
            className="form-select"
            value={search.channel ?? ''}
            onChange={(event) =>
              update({ channel: (event.target.value as OutboxChannel | '') || undefined })
            }
          >
            <option value="">{t('admin.outbox.channelAll')}</option>
            {OUTBOX_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`admin.outbox.channel.${channel}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="col-12 col-sm-8 col-lg-5">
          <label htmlFor={recipientId} className="form-label small text-body-secondary mb-1">
            {t('admin.outbox.recipient')}
          </label>
          <input
            id={recipientId}
            type="search"
            className="form-control"
            value={recipient}
            placeholder={t('admin.outbox.recipientHint')}
            onChange={(event) => setRecipient(event.target.value)}
          />
        </div>
        <div className="col-auto d-flex gap-2">
          <button type="submit" className="btn btn-primary">
            {t('admin.outbox.filter')}
          </button>
          {filtered && (
            <button
              type="button"
              className="btn btn-outline-secondary"
              onClick={() => {
                setRecipient('');
                update({ channel: undefined, recipient: undefined });
              }}
            >
              {t('admin.outbox.clear')}
            </button>
          )}
        </div>
      </form>
      <PagedList
        query={list}
        onPageChange={(page) => update({ page })}
        paginationLabel={t('admin.outbox.pagination')}
        empty={t(filtered ? 'admin.outbox.emptyFiltered' : 'admin.outbox.empty')}
      >
        {(page) => <OutboxTable items={page.items} />}
      </PagedList>
    </>
  );
}
