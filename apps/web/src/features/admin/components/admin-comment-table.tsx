import type { AdminComment } from '@folio/schema';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import type { RowSelection } from './row-selection';
import { PageCheckbox, RowCheckbox } from './selection-checkbox';
import { SortHeader } from './sort-header';

interface AdminCommentTableProps {
  comments: AdminComment[];
  sort: '-id' | 'id';
  onSort: (sort: '-id' | 'id') => void;
  selection: RowSelection;
}

/**
 * The staff's comments, one row each, deleted ones too: a checkbox for the bulk actions, the
 * text, the blog (a link to the comment on it), the writer (a link that filters by them), its
 * open reports and when it was written. On a phone it scrolls sideways.
 */
export function AdminCommentTable({ comments, sort, onSort, selection }: AdminCommentTableProps) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="table-responsive">
      <table className="table table-hover align-middle mb-0" data-testid="admin-comment-table">
        <thead className="text-nowrap">
          <tr>
            <th scope="col" className="admin-check-cell">
              <PageCheckbox selection={selection} label={t('admin.comments.selectPage')} />
            </th>
            <SortHeader
              label={t('admin.comments.column.id')}
              field="id"
              sort={sort}
              onSort={onSort}
              className="text-end"
            />
            <th scope="col">{t('admin.comments.column.body')}</th>
            <th scope="col">{t('admin.comments.column.blog')}</th>
            <th scope="col">{t('admin.comments.column.writer')}</th>
            <th scope="col" className="text-end">
              {t('admin.comments.column.reports')}
            </th>
            <th scope="col">{t('admin.comments.column.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {comments.map((comment) => (
            <tr key={comment.id} data-testid={`admin-comment-${comment.id}`}>
              <td className="admin-check-cell">
                <RowCheckbox
                  selection={selection}
                  id={comment.id}
                  label={t('admin.comments.selectRow', { id: comment.id })}
                />
              </td>
              <td className="text-end text-body-secondary">{comment.id}</td>
              <td className="admin-comment-body">
                {comment.status === 'deleted' && (
                  <span className="badge text-bg-dark me-2">{t('admin.comments.deleted')}</span>
                )}
                {comment.parentId !== null && (
                  <span className="badge text-bg-light border me-2">
                    {t('admin.comments.reply')}
                  </span>
                )}
                <span className="admin-comment-text text-break">{comment.body}</span>
              </td>
              <td className="admin-content-title text-break">
                <Link to={`/blogs/${comment.blog.id}#comment-${comment.id}`}>
                  {comment.blog.title}
                </Link>
              </td>
              <td className="text-nowrap">
                <Link
                  to={`/admin/comments?userId=${comment.user.id}`}
                  title={t('admin.comments.byWriter', { name: comment.user.nickname })}
                >
                  {comment.user.nickname}
                </Link>{' '}
                <span className="small text-body-secondary">#{comment.user.id}</span>
              </td>
              <td className="text-end">
                {comment.openReports > 0 ? (
                  <span className="badge text-bg-danger">{number.format(comment.openReports)}</span>
                ) : (
                  <span className="text-body-secondary">0</span>
                )}
              </td>
              <td className="text-nowrap">
                <time dateTime={comment.createdAt}>
                  {time.format(Date.parse(comment.createdAt))}
                </time>
                {comment.editedAt && (
                  <div className="small text-body-secondary">{t('admin.comments.edited')}</div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
