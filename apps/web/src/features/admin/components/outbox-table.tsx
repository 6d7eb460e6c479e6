import type { OutboxEntry } from '@folio/schema';
import { DataTable } from '../../../components/data-table';
import { RelativeTime } from '../../../components/relative-time';
import { useToast } from '../../../components/toast-context';
import { copyText } from '../../../lib/copy-text';
import { useI18n } from '../../../lib/i18n';

/** The link or the code an entry carries, with a button that copies it. */
function CopyValue({ entry }: { entry: OutboxEntry }) {
  const { t } = useI18n();
  const toast = useToast();
  const value = entry.link ?? entry.code;
  if (!value) return <span className="text-body-secondary">{t('admin.outbox.none')}</span>;

  async function copy(text: string) {
    if (await copyText(text)) toast.show({ kind: 'success', text: t('admin.outbox.copied') });
    else
      toast.show({
        kind: 'info',
        text: t('admin.outbox.copyByHand', { text }),
        durationMs: 15_000,
      });
  }

  const label = entry.link
    ? t('admin.outbox.copyLink', { to: entry.recipient })
    : t('admin.outbox.copyCode', { to: entry.recipient });
  return (
    <div className="d-flex align-items-start gap-2">
      <div className="flex-grow-1 admin-outbox-value">
        <div className="small text-body-secondary">
          {entry.link ? t('admin.outbox.link') : t('admin.outbox.code')}
        </div>
        <code className={entry.code ? 'fs-5' : undefined} data-testid="outbox-value">
          {value}
        </code>
      </div>
      <button
        type="button"
        className="btn btn-outline-secondary btn-sm"
        aria-label={label}
        title={label}
        onClick={() => void copy(value)}
        data-testid="outbox-copy"
      >
        {t('admin.outbox.copy')}
      </button>
    </div>
  );
}

/** Sent mail and SMS, newest first: who got what, when, and the part to copy. */
export function OutboxTable({ items }: { items: OutboxEntry[] }) {
  const { t } = useI18n();
  return (
    <DataTable
      testId="outbox"
      items={items}
      itemKey={(entry) => entry.id}
      title={{
        id: 'to',
        header: t('admin.outbox.column.to'),
        cell: (entry) => <span className="text-break">{entry.recipient}</span>,
      }}
      fields={[
        {
          id: 'sent',
          header: t('admin.outbox.column.sent'),
          cell: (entry) => <RelativeTime dateTime={entry.createdAt} />,
          className: 'text-nowrap',
        },
        {
          id: 'message',
          header: t('admin.outbox.column.message'),
          cell: (entry) => (
            <>
              <span className="badge text-bg-secondary me-2">
                {t(`admin.outbox.channel.${entry.channel}`)}
              </span>
              {entry.subject}
              <details className="mt-1">
                <summary className="small">{t('admin.outbox.body')}</summary>
                <pre className="small mb-0 text-wrap">{entry.body}</pre>
              </details>
            </>
          ),
        },
        {
          id: 'copy',
          header: t('admin.outbox.column.copy'),
          cell: (entry) => <CopyValue entry={entry} />,
        },
      ]}
    />
  );
}
