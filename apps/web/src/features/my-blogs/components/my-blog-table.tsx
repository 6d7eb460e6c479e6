import { LIMITS } from '@folio/schema';
import type { MyBlogStatus, MyBlogSummary } from '@folio/schema';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable } from '../../../components/data-table';
import type { DataColumn } from '../../../components/data-table';
import { RelativeTime } from '../../../components/relative-time';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useRestoreBlog } from '../api/restore-blog';
import { useTrashBlog } from '../api/trash-blog';
import { purgeTime, shownTime, titleLink } from '../my-blog-list';

const STATE_BADGES: Record<MyBlogStatus, string> = {
  draft: 'text-bg-secondary',
  scheduled: 'text-bg-info',
  published: 'text-bg-success',
  trashed: 'text-bg-dark',
};

interface MyBlogTableProps {
  blogs: MyBlogSummary[];
  /** The tab shown: it names the time column. */
  tab: MyBlogStatus;
}

/** The person's blogs in one tab, with what they can do to each: edit, trash, restore. */
export function MyBlogTable({ blogs, tab }: MyBlogTableProps) {
  const { t, locale } = useI18n();
  const toast = useToast();
  // A deadline reads better as a date than as "in 4 weeks".
  const purgeDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const trash = useTrashBlog();
  const restore = useRestoreBlog();
  // The blog asked about stays named while the dialog fades out after the answer.
  const [trashing, setTrashing] = useState<MyBlogSummary | null>(null);
  const [confirming, setConfirming] = useState(false);

  const failed = (error: unknown) =>
    toast.show({
      kind: 'danger',
      text: error instanceof ApiError ? error.message : t('error.unexpected'),
    });

  function confirmTrash() {
    if (!trashing) return;
    const { title } = trashing;
    trash.mutate(trashing.id, {
      onSuccess: () => {
        setConfirming(false);
        toast.show({ kind: 'success', text: t('myBlogs.trashed', { title }) });
      },
      onError: failed,
    });
  }

  function bringBack(blog: MyBlogSummary) {
    restore.mutate(blog.id, {
      onSuccess: () =>
        toast.show({ kind: 'success', text: t('myBlogs.restored', { title: blog.title }) }),
      onError: failed,
    });
  }

  const title: DataColumn<MyBlogSummary> = {
    id: 'title',
    header: t('myBlogs.column.title'),
    className: 'blog-title-cell text-break',
    cell: (blog) => {
      const to = titleLink(blog);
      return to ? (
        <Link to={to} className="fw-semibold">
          {blog.title}
        </Link>
      ) : (
        <span className="fw-semibold">{blog.title}</span>
      );
    },
  };

  const fields: DataColumn<MyBlogSummary>[] = [
    {
      id: 'state',
      header: t('myBlogs.column.state'),
      cell: (blog) => (
        <span className={`badge ${STATE_BADGES[blog.status]}`}>
          {t(`myBlogs.state.${blog.status}`)}
        </span>
      ),
    },
    {
      id: 'time',
      header: t(`myBlogs.column.time.${tab}`),
      className: 'text-nowrap',
      cell: (blog) => (
        <>
          <RelativeTime dateTime={shownTime(blog)} />
          {blog.deletedAt && (
            <div className="small text-body-secondary">
              {t('myBlogs.purgedOn', { date: purgeDate.format(purgeTime(blog.deletedAt)) })}
            </div>
          )}
        </>
      ),
    },
  ];

  const actions: DataColumn<MyBlogSummary> = {
    id: 'actions',
    header: t('myBlogs.column.actions'),
    className: 'text-nowrap',
    cell: (blog) =>
      blog.status === 'trashed' ? (
        <button
          type="button"
          className="btn btn-sm btn-outline-primary"
          aria-label={t('myBlogs.restoreLabel', { title: blog.title })}
          disabled={restore.isPending && restore.variables === blog.id}
          onClick={() => bringBack(blog)}
          data-testid="restore-blog"
        >
          {t('myBlogs.restore')}
        </button>
      ) : (
        <div className="d-flex flex-wrap gap-2">
          <Link
            to={`/blogs/${blog.id}/edit`}
            className="btn btn-sm btn-outline-primary"
            aria-label={t('myBlogs.editLabel', { title: blog.title })}
          >
            {t('myBlogs.edit')}
          </Link>
          <button
            type="button"
            className="btn btn-sm btn-outline-danger"
            aria-label={t('myBlogs.trashLabel', { title: blog.title })}
            onClick={() => {
              setTrashing(blog);
              setConfirming(true);
            }}
            data-testid="trash-blog"
          >
            {t('myBlogs.trash')}
          </button>
        </div>
      ),
  };

  return (
    <>
      <DataTable
        testId="my-blog"
        items={blogs}
        itemKey={(blog) => blog.id}
        title={title}
        fields={fields}
        actions={actions}
      />
      <ConfirmDialog
        open={confirming}
        title={t('myBlogs.trashTitle', { title: trashing?.title ?? '' })}
        confirmLabel={t('myBlogs.trash')}
        busy={trash.isPending}
        onConfirm={confirmTrash}
        onClose={() => setConfirming(false)}
      >
        {t(trashing?.status === 'published' ? 'myBlogs.trashTextPublished' : 'myBlogs.trashText', {
          days: LIMITS.trashDays,
        })}
      </ConfirmDialog>
    </>
  );
}
