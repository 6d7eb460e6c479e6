import type { BulkCommentAction, ModerationItem } from '@folio/schema';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useBulkComments } from '../api/bulk-comments';

/**
 * The reported comments, the most reported first: each with its text, its blog, its writer and
 * every open report (why, the reader's note, who, when), and the two ways to settle it: delete
 * the comment (after asking), or dismiss the reports and keep it.
 */
export function ModerationQueueList({ items }: { items: ModerationItem[] }) {
  const { t } = useI18n();
  const toast = useToast();
  const bulk = useBulkComments();
  // The comment asked about stays named while the dialog fades out after the answer.
  const [deleting, setDeleting] = useState<ModerationItem | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function settle(id: number, action: BulkCommentAction) {
    try {
      const result = await bulk.mutateAsync({ action, ids: [id] });
      toast.show(
        result.affected === 0
          ? { kind: 'info', text: t('admin.reports.alreadySettled') }
          : {
              kind: 'success',
              text: t(action === 'delete' ? 'admin.reports.deleted' : 'admin.reports.dismissed'),
            },
      );
    } catch (error) {
      toast.show({
        kind: 'danger',
        text: error instanceof ApiError ? error.message : t('error.unexpected'),
      });
    }
  }

  return (
    <>
      <ol className="list-unstyled mb-0 d-grid gap-3" data-testid="moderation-queue">
        {items.map((item) => (
          <QueueItem
            key={item.comment.id}
            item={item}
            busy={bulk.isPending && bulk.variables?.ids?.includes(item.comment.id) === true}
            onDelete={() => {
              setDeleting(item);
              setConfirming(true);
            }}
            onDismiss={() => void settle(item.comment.id, 'dismissReports')}
          />
        ))}
      </ol>
      <ConfirmDialog
        open={confirming}
        title={t('admin.reports.deleteTitle')}
        confirmLabel={t('admin.reports.delete')}
        busy={bulk.isPending}
        onConfirm={() => {
          if (!deleting) return;
          void settle(deleting.comment.id, 'delete').finally(() => setConfirming(false));
        }}
        onClose={() => setConfirming(false)}
      >
        <p>{t('admin.comments.explain.delete')}</p>
        {deleting && (
          <blockquote className="border-start border-3 ps-3 mb-0 text-break admin-queue-body">
            {deleting.comment.body}
          </blockquote>
        )}
      </ConfirmDialog>
    </>
  );
}

interface QueueItemProps {
  item: ModerationItem;
  busy: boolean;
  onDelete: () => void;
  onDismiss: () => void;
}

function QueueItem({ item, busy, onDelete, onDismiss }: QueueItemProps) {
  const { t, locale } = useI18n();
  const { comment, reports } = item;
  const number = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const titleId = `queue-comment-${comment.id}`;
  return (
    <li className="card" data-testid={`queue-item-${comment.id}`} aria-labelledby={titleId}>
      <div className="card-body">
        <div className="d-flex flex-wrap align-items-baseline gap-2 mb-2">
          <h2 id={titleId} className="h6 mb-0">
            {t('admin.reports.commentBy', { name: comment.user.nickname })}{' '}
            <span className="small text-body-secondary fw-normal">#{comment.user.id}</span>
          </h2>
          <span className="badge text-bg-danger">
            {t('admin.reports.count', { count: number.format(comment.openReports) })}
          </span>
          <span className="small text-body-secondary">
            <time dateTime={comment.createdAt}>{time.format(Date.parse(comment.createdAt))}</time>
          </span>
        </div>
        <p className="small mb-2">
          {t('admin.reports.onBlog')}{' '}
          <Link to={`/blogs/${comment.blog.id}#comment-${comment.id}`} className="text-break">
            {comment.blog.title}
          </Link>
        </p>
        <blockquote className="border-start border-3 ps-3 text-break admin-queue-body">
          {comment.body}
        </blockquote>
        <h3 className="h6 mt-3">{t('admin.reports.reportsTitle')}</h3>
        <ul className="list-group mb-3">
          {reports.map((report) => (
            <li
              key={`${report.reporter.id}-${report.createdAt}`}
              className="list-group-item"
              data-testid="queue-report"
            >
              <div className="d-flex flex-wrap align-items-baseline gap-2">
                <span className="badge text-bg-warning">
                  {t(`comments.report.reason.${report.reason}`)}
                </span>
                <span>
                  {report.reporter.nickname}{' '}
                  <span className="small text-body-secondary">#{report.reporter.id}</span>
                </span>
                <span className="small text-body-secondary">
                  <time dateTime={report.createdAt}>
                    {time.format(Date.parse(report.createdAt))}
                  </time>
                </span>
              </div>
              {report.note && <p className="mb-0 mt-1 small text-break">{report.note}</p>}
            </li>
          ))}
        </ul>
        <div className="d-flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-sm btn-danger"
            disabled={busy}
            aria-label={t('admin.reports.deleteLabel', { id: comment.id })}
            onClick={onDelete}
          >
            {t('admin.reports.delete')}
          </button>
          <button
            type="button"
            className="btn btn-sm btn-outline-secondary"
            disabled={busy}
            aria-label={t('admin.reports.dismissLabel', { id: comment.id })}
            onClick={onDismiss}
          >
            {t('admin.reports.dismiss')}
          </button>
        </div>
      </div>
    </li>
  );
}
