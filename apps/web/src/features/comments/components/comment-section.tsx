import type { Blog, CommentSort } from '@folio/schema';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useMe } from '../../../lib/api/get-me';
import { useSite } from '../../../lib/api/get-site';
import { useAuth } from '../../../lib/auth-context';
import { loginPath } from '../../../lib/auth-store';
import { useI18n } from '../../../lib/i18n';
import { onLiveEvent } from '../../../lib/live-events';
import {
  blogCommentsKey,
  useComments,
  useCreateComment,
  useManagesBlog,
  useSetCommentsOpen,
} from '../api/comments';
import { CommentForm } from './comment-form';
import { CommentsContext } from './comments-context';
import { CommentThread } from './comment-tree';
import './comments.css';

/**
 * A blog's comments below it: the tree, a box for a new comment (or the way to log in and come
 * back), and for the blog's author or a moderator the switch that opens and closes them. New
 * comments show without a reload: read again every 15 s while the tab is visible, and at once
 * when the live stream says someone commented on this blog.
 */
export function CommentSection({ blog }: { blog: Blog }) {
  const { t, locale } = useI18n();
  const { status } = useAuth();
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const manages = useManagesBlog(blog.id);
  const [sort, setSort] = useState<CommentSort>('createdAt');
  const [pages, setPages] = useState(1);
  const create = useCreateComment(blog.id);
  const sortId = useId();
  // Until the site's settings are read (or if they can't be), the blog's own switch decides.
  const siteOpen = useSite().data?.commentsOpen !== false;
  const open = siteOpen && blog.commentsOpen;

  useEffect(
    () =>
      onLiveEvent((event) => {
        if (event.type === 'notification' && event.notification.blogId === blog.id) {
          void queryClient.invalidateQueries({ queryKey: blogCommentsKey(blog.id) });
        }
      }),
    [blog.id, queryClient],
  );

  const viewerId = status === 'authenticated' ? (me.data?.id ?? null) : null;
  const context = { blogId: blog.id, viewerId, manages, open };
  const count = new Intl.NumberFormat(locale).format(blog.commentCount);

  return (
    <CommentsContext value={context}>
      <section className="comments mt-5 pt-4 border-top" aria-labelledby="comments-title">
        <div className="d-flex flex-wrap align-items-center gap-2 mb-3">
          <h2 id="comments-title" className="h4 mb-0 me-auto">
            {t('comments.title', { count })}
          </h2>
          {manages && <OpenSwitch blogId={blog.id} open={blog.commentsOpen} />}
          <label htmlFor={sortId} className="visually-hidden">
            {t('comments.sort')}
          </label>
          <select
            id={sortId}
            className="form-select form-select-sm w-auto"
            value={sort}
            onChange={(e) => {
              setSort(e.target.value as CommentSort);
              setPages(1);
            }}
          >
            <option value="createdAt">{t('comments.sort.oldest')}</option>
            <option value="-createdAt">{t('comments.sort.newest')}</option>
          </select>
        </div>

        {!open ? (
          <p className="alert alert-secondary py-2" data-testid="comments-closed">
            {t(siteOpen ? 'comments.closed' : 'comments.closedSite')}
          </p>
        ) : status === 'authenticated' ? (
          <CommentForm
            label={t('comments.newLabel')}
            submitLabel={t('comments.submit')}
            busy={create.isPending}
            onSubmit={(body) => create.mutateAsync({ body })}
          />
        ) : status === 'anonymous' ? (
          <p>
            <Link to={loginPath(location.pathname)}>{t('comments.logIn')}</Link>
          </p>
        ) : null}

        <ol className="comment-list list-unstyled mt-4 mb-0">
          {Array.from({ length: pages }, (_, i) => (
            <CommentsPage
              key={i}
              blogId={blog.id}
              sort={sort}
              page={i + 1}
              onMore={i === pages - 1 ? () => setPages(pages + 1) : undefined}
            />
          ))}
        </ol>
      </section>
    </CommentsContext>
  );
}

/** One page of top-level comments with their replies; the last one loaded offers the next. */
function CommentsPage({
  blogId,
  sort,
  page,
  onMore,
}: {
  blogId: number;
  sort: CommentSort;
  page: number;
  onMore?: () => void;
}) {
  const { t } = useI18n();
  const comments = useComments(blogId, sort, page);
  if (comments.isPending) {
    return (
      // The status inside the item: a list holds only items (role=status would make it none).
      <li className="text-body-secondary">
        <span role="status">{t('common.loading')}</span>
      </li>
    );
  }
  if (comments.isError) {
    return (
      <li>
        <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} />
      </li>
    );
  }
  const { items, total, pages } = comments.data;
  if (total === 0) {
    return (
      <li className="text-body-secondary" data-testid="comments-empty">
        {t('comments.empty')}
      </li>
    );
  }
  return (
    <>
      {items.map((node) => (
        <CommentThread key={node.id} node={node} />
      ))}
      {onMore && page < pages && (
        <li className="mt-3">
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onMore}>
            {t('comments.loadMore')}
          </button>
        </li>
      )}
    </>
  );
}

/** The blog's author (or a moderator) opens and closes its comments. */
function OpenSwitch({ blogId, open }: { blogId: number; open: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const setOpen = useSetCommentsOpen(blogId);
  return (
    <div className="form-check form-switch mb-0">
      <input
        id={id}
        className="form-check-input"
        type="checkbox"
        role="switch"
        checked={open}
        disabled={setOpen.isPending}
        onChange={(e) =>
          setOpen.mutate(e.target.checked, {
            onError: (err) =>
              toast.show({
                kind: 'danger',
                text: err instanceof ApiError ? err.message : String(err),
              }),
          })
        }
      />
      <label className="form-check-label" htmlFor={id}>
        {t('comments.open')}
      </label>
    </div>
  );
}
