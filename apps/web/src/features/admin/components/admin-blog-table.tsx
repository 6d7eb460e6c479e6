import type { AdminBlog, AdminBlogSort, MyBlogStatus } from '@folio/schema';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import type { RowSelection } from './row-selection';
import { PageCheckbox, RowCheckbox } from './selection-checkbox';
import { SortHeader } from './sort-header';

export const BLOG_STATE_BADGES: Record<MyBlogStatus, string> = {
  draft: 'text-bg-secondary',
  scheduled: 'text-bg-info',
  published: 'text-bg-success',
  trashed: 'text-bg-dark',
};

interface AdminBlogTableProps {
  blogs: AdminBlog[];
  sort: AdminBlogSort;
  onSort: (sort: AdminBlogSort) => void;
  selection: RowSelection;
}

/**
 * The staff's blogs, one row each, whatever their state: a checkbox for the bulk actions, the
 * title (a link to the blog on the site once it is out), its author (a link that filters by
 * them), its state, when it is published, its counts, and its editor. On a phone it scrolls
 * sideways.
 */
export function AdminBlogTable({ blogs, sort, onSort, selection }: AdminBlogTableProps) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="table-responsive">
      <table className="table table-hover align-middle mb-0" data-testid="admin-blog-table">
        <thead className="text-nowrap">
          <tr>
            <th scope="col" className="admin-check-cell">
              <PageCheckbox selection={selection} label={t('admin.blogs.selectPage')} />
            </th>
            <SortHeader
              label={t('admin.blogs.column.id')}
              field="id"
              sort={sort}
              onSort={onSort}
              className="text-end"
            />
            <th scope="col">{t('admin.blogs.column.title')}</th>
            <th scope="col">{t('admin.blogs.column.author')}</th>
            <th scope="col">{t('admin.blogs.column.state')}</th>
            <SortHeader
              label={t('admin.blogs.column.pubDate')}
              field="pubDate"
              sort={sort}
              onSort={onSort}
            />
            <th scope="col" className="text-end">
              {t('admin.blogs.column.views')}
            </th>
            <th scope="col" className="text-end">
              {t('admin.blogs.column.comments')}
            </th>
            <th scope="col">{t('admin.blogs.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {blogs.map((blog) => {
            const out = blog.status === 'published';
            return (
              <tr key={blog.id} data-testid={`admin-blog-${blog.id}`}>
                <td className="admin-check-cell">
                  <RowCheckbox
                    selection={selection}
                    id={blog.id}
                    label={t('admin.blogs.selectRow', { title: blog.title })}
                  />
                </td>
                <td className="text-end text-body-secondary">{blog.id}</td>
                <th scope="row" className="admin-content-title fw-normal text-break">
                  {out ? (
                    <Link to={`/blogs/${blog.id}`} className="fw-semibold">
                      {blog.title}
                    </Link>
                  ) : (
                    <span className="fw-semibold">{blog.title}</span>
                  )}
                  {blog.featured && (
                    <span className="badge text-bg-warning ms-2">{t('admin.blogs.featured')}</span>
                  )}
                </th>
                <td className="text-nowrap">
                  <Link
                    to={`/admin/blogs?authorId=${blog.author.id}`}
                    title={t('admin.blogs.byAuthor', { name: blog.author.name })}
                  >
                    {blog.author.name}
                  </Link>{' '}
                  <span className="small text-body-secondary">#{blog.author.id}</span>
                </td>
                <td>
                  <span className={`badge ${BLOG_STATE_BADGES[blog.status]}`}>
                    {t(`myBlogs.state.${blog.status}`)}
                  </span>
                </td>
                <td className="text-nowrap">
                  <time dateTime={blog.pubDate}>{time.format(Date.parse(blog.pubDate))}</time>
                </td>
                <td className="text-end">{number.format(blog.viewCount)}</td>
                <td className="text-end">{number.format(blog.commentCount)}</td>
                <td className="text-nowrap">
                  <div className="d-flex gap-2">
                    {out && (
                      <Link
                        to={`/blogs/${blog.id}`}
                        className="btn btn-sm btn-outline-secondary"
                        aria-label={t('admin.blogs.viewLabel', { title: blog.title })}
                      >
                        {t('admin.blogs.view')}
                      </Link>
                    )}
                    {blog.status !== 'trashed' && (
                      <Link
                        to={`/blogs/${blog.id}/edit`}
                        className="btn btn-sm btn-outline-primary"
                        aria-label={t('admin.blogs.editLabel', { title: blog.title })}
                      >
                        {t('admin.blogs.edit')}
                      </Link>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
