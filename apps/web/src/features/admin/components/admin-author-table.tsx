import type { AdminAuthor, AdminAuthorListParams } from '@folio/schema';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { SortHeader } from './sort-header';

interface AdminAuthorTableProps {
  authors: AdminAuthor[];
  sort: AdminAuthorListParams['sort'];
  onSort: (sort: AdminAuthorListParams['sort']) => void;
  onEdit: (author: AdminAuthor) => void;
}

/**
 * The authors, one row each: name (a link to their public page), contact address, bio, the
 * account that writes as them, their blogs (a link to them in the blogs table), and an edit
 * button. On a phone it scrolls sideways.
 */
export function AdminAuthorTable({ authors, sort, onSort, onEdit }: AdminAuthorTableProps) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  const none = <span className="text-body-secondary">—</span>;
  return (
    <div className="table-responsive">
      <table className="table table-hover align-middle mb-0" data-testid="admin-author-table">
        <thead className="text-nowrap">
          <tr>
            <SortHeader
              label={t('admin.authors.column.id')}
              field="id"
              sort={sort}
              onSort={onSort}
              className="text-end"
            />
            <SortHeader
              label={t('admin.authors.column.name')}
              field="name"
              sort={sort}
              onSort={onSort}
            />
            <th scope="col">{t('admin.authors.column.email')}</th>
            <th scope="col">{t('admin.authors.column.bio')}</th>
            <th scope="col">{t('admin.authors.column.account')}</th>
            <th scope="col" className="text-end">
              {t('admin.authors.column.blogs')}
            </th>
            <th scope="col">{t('admin.authors.column.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {authors.map((author) => (
            <tr key={author.id} data-testid={`admin-author-${author.id}`}>
              <td className="text-end text-body-secondary">{author.id}</td>
              <th scope="row" className="admin-content-title fw-normal text-break">
                <Link to={`/authors/${author.id}`} className="fw-semibold">
                  {author.name}
                </Link>
              </th>
              <td className="text-break">{author.email ?? none}</td>
              <td className="admin-author-bio small text-break">{author.bio || none}</td>
              <td className="text-nowrap">
                {author.userId === null ? none : t('admin.authors.account', { id: author.userId })}
              </td>
              <td className="text-end">
                <Link to={`/admin/blogs?authorId=${author.id}`}>{number.format(author.blogs)}</Link>
              </td>
              <td className="text-nowrap">
                <button
                  type="button"
                  className="btn btn-sm btn-outline-primary"
                  aria-label={t('admin.authors.editLabel', { name: author.name })}
                  onClick={() => onEdit(author)}
                >
                  {t('admin.authors.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
