import type { Comment, CommentNode, LIMITS, Reply } from '@folio/schema';
import { Suspense, useEffect, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { RelativeTime } from '../../../components/relative-time';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useCreateComment, useDeleteComment, useReplies, useUpdateComment } from '../api/comments';
import { CommentForm } from './comment-form';
import { useCommentsContext } from './comments-context';
import { PartBoundary } from '../../../components/part-boundary';
import { lazyComponent } from '../../../lib/lazy-component';

// Loaded at the first "Report": few readers report, and the dialog has a form of its own.
const ReportDialog = lazyComponent(async () => (await import('./report-dialog')).ReportDialog);

/**
 * LIMITS.commentEditMinutes, checked by the type (it must be the same literal) rather than
 * imported: importing LIMITS here split it into a chunk of its own, which the home page's first
 * load then names.
 */
const EDIT_MINUTES: (typeof LIMITS)['commentEditMinutes'] = 15;
const EDIT_MS = EDIT_MINUTES * 60_000;

/** Whether a comment written at `createdAt` may still be changed: true until its window closes. */
function useEditWindow(createdAt: string): boolean {
  const deadline = Date.parse(createdAt) + EDIT_MS;
  const [open, setOpen] = useState(() => Date.now() < deadline);
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => setOpen(false), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
  }, [open, deadline]);
  return open;
}

/** A top-level comment and, recursively, its replies: indented down to the last nested level. */
export function CommentThread({ node }: { node: CommentNode }) {
  return (
    <li className="comment-thread">
      <CommentItem comment={node}>
        {node.replies.length > 0 && (
          <ol className="comment-replies list-unstyled">
            {node.replies.map((reply) => (
              <CommentThread key={reply.id} node={reply} />
            ))}
          </ol>
        )}
        {node.moreReplies > 0 && <MoreReplies commentId={node.id} count={node.moreReplies} />}
      </CommentItem>
    </li>
  );
}

/**
 * The replies below a comment of the last nested level, asked for when opened and shown at its
 * indentation, one after another, each saying whom it answers.
 */
function MoreReplies({ commentId, count }: { commentId: number; count: number }) {
  const { t } = useI18n();
  const [cursors, setCursors] = useState<(string | undefined)[] | null>(null);
  if (!cursors) {
    return (
      <button
        type="button"
        className="btn btn-link btn-sm px-0 comment-more"
        onClick={() => setCursors([undefined])}
      >
        {t('comments.moreReplies', { count })}
      </button>
    );
  }
  return (
    <ol className="comment-replies comment-replies-flat list-unstyled">
      {cursors.map((cursor, i) => (
        <RepliesPage
          key={cursor ?? ''}
          commentId={commentId}
          cursor={cursor}
          onMore={i === cursors.length - 1 ? (next) => setCursors([...cursors, next]) : undefined}
        />
      ))}
    </ol>
  );
}

function RepliesPage({
  commentId,
  cursor,
  onMore,
}: {
  commentId: number;
  cursor: string | undefined;
  /** On the last page loaded: loads the next one. */
  onMore?: (cursor: string) => void;
}) {
  const { t } = useI18n();
  const { blogId } = useCommentsContext();
  const replies = useReplies(blogId, commentId, cursor);
  if (replies.isPending) {
    return <li className="text-body-secondary small">{t('common.loading')}</li>;
  }
  if (replies.isError) {
    return (
      <li>
        <button
          type="button"
          className="btn btn-link btn-sm px-0"
          onClick={() => void replies.refetch()}
        >
          {t('common.retry')}
        </button>
      </li>
    );
  }
  const { items, nextCursor } = replies.data;
  return (
    <>
      {items.map((reply) => (
        <li key={reply.id} className="comment-thread">
          <CommentItem comment={reply} replyTo={reply.replyTo} />
        </li>
      ))}
      {onMore && nextCursor && (
        <li>
          <button
            type="button"
            className="btn btn-link btn-sm px-0 comment-more"
            onClick={() => onMore(nextCursor)}
          >
            {t('comments.moreRepliesNext')}
          </button>
        </li>
      )}
    </>
  );
}

interface CommentItemProps {
  comment: Comment;
  /** In a flattened list: whom it answers. */
  replyTo?: Reply['replyTo'];
  children?: React.ReactNode;
}

/** One comment: who wrote it and when, its text (or "comment deleted"), and what the reader may do. */
export function CommentItem({ comment, replyTo, children }: CommentItemProps) {
  const { t } = useI18n();
  const toast = useToast();
  const { blogId, viewerId, manages, open } = useCommentsContext();
  const [mode, setMode] = useState<'read' | 'reply' | 'edit'>('read');
  const [confirming, setConfirming] = useState(false);
  // Null until first opened: the dialog's code loads then.
  const [reporting, setReporting] = useState<boolean | null>(null);
  const create = useCreateComment(blogId);
  const update = useUpdateComment(blogId);
  const remove = useDeleteComment(blogId);

  const mine = viewerId !== null && comment.author?.id === viewerId;
  const editable = useEditWindow(comment.createdAt) && mine;
  const deletable = !comment.deleted && (mine || manages);
  const canReply = !comment.deleted && open && viewerId !== null;
  const canReport = !comment.deleted && viewerId !== null && !mine;

  async function confirmDelete() {
    try {
      await remove.mutateAsync(comment.id);
      toast.show({ kind: 'success', text: t('comments.deleted') });
    } catch (err) {
      toast.show({ kind: 'danger', text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setConfirming(false);
    }
  }

  return (
    <article
      className="comment"
      data-testid="comment"
      data-depth={comment.depth}
      id={`comment-${comment.id}`}
    >
      <header className="comment-header">
        {comment.deleted ? (
          <span className="text-body-secondary fst-italic">{t('comments.tombstone')}</span>
        ) : (
          <strong className="comment-author text-break">{comment.author?.nickname}</strong>
        )}
        {replyTo && (
          <span className="text-body-secondary small text-break">
            {t('comments.replyingTo', { name: replyTo.nickname })}
          </span>
        )}
        <span className="text-body-secondary small">
          <RelativeTime dateTime={comment.createdAt} />
        </span>
        {comment.editedAt && !comment.deleted && (
          <span className="text-body-secondary small" title={comment.editedAt}>
            {t('comments.edited')}
          </span>
        )}
      </header>
      {mode === 'edit' ? (
        <CommentForm
          label={t('comments.editLabel')}
          submitLabel={t('common.save')}
          initial={comment.body}
          busy={update.isPending}
          autoFocus
          onCancel={() => setMode('read')}
          onSubmit={async (body) => {
            await update.mutateAsync({ id: comment.id, body });
            setMode('read');
          }}
        />
      ) : (
        !comment.deleted && (
          // The API escaped the text and made its addresses nofollow links (linkify-it).
          <div className="comment-body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
        )
      )}
      {mode === 'read' && (canReply || editable || deletable || canReport) && (
        <div className="comment-actions">
          {canReply && (
            <button
              type="button"
              className="btn btn-link btn-sm px-0"
              onClick={() => setMode('reply')}
            >
              {t('comments.reply')}
            </button>
          )}
          {editable && (
            <button
              type="button"
              className="btn btn-link btn-sm px-0"
              onClick={() => setMode('edit')}
            >
              {t('comments.edit')}
            </button>
          )}
          {deletable && (
            <button
              type="button"
              className="btn btn-link btn-sm px-0 text-danger"
              onClick={() => setConfirming(true)}
            >
              {t('comments.delete')}
            </button>
          )}
          {canReport && (
            <button
              type="button"
              className="btn btn-link btn-sm px-0 text-body-secondary"
              onClick={() => setReporting(true)}
            >
              {t('comments.report')}
            </button>
          )}
        </div>
      )}
      {mode === 'reply' && (
        <CommentForm
          label={t('comments.replyLabel', { name: comment.author?.nickname ?? '' })}
          submitLabel={t('comments.reply')}
          busy={create.isPending}
          autoFocus
          onCancel={() => setMode('read')}
          onSubmit={async (body) => {
            await create.mutateAsync({ body, parentId: comment.id });
            setMode('read');
          }}
        />
      )}
      {children}
      {canReport && reporting !== null && (
        <PartBoundary>
          <Suspense fallback={null}>
            <ReportDialog
              commentId={comment.id}
              open={reporting}
              onClose={() => setReporting(false)}
            />
          </Suspense>
        </PartBoundary>
      )}
      {deletable && (
        <ConfirmDialog
          open={confirming}
          title={t('comments.deleteTitle')}
          confirmLabel={t('comments.delete')}
          busy={remove.isPending}
          onConfirm={() => void confirmDelete()}
          onClose={() => setConfirming(false)}
        >
          <p className="mb-0">{t('comments.deleteText')}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
