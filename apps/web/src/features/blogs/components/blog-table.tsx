import type { BlogSummary } from '@folio/schema';
import { Link } from 'react-router';
import { RelativeTime } from '../../../components/relative-time';
import { useI18n } from '../../../lib/i18n';

interface BlogTableProps {
  blogs: BlogSummary[];
  /** The serial number of the first row, so numbering continues across pages. */
  firstNumber: number;
  showAuthor?: boolean;
}

export function BlogTable({ blogs, firstNumber, showAuthor = true }: BlogTableProps) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(locale);
  return (
    <div className="table-responsive">
      <table className="table table-hover align-middle mb-0" data-testid="blog-table">
        <thead className="text-nowrap">
          <tr>
            <th scope="col" className="text-end col-serial">
              #
            </th>
            <th scope="col">{t('blog.title')}</th>
            {showAuthor && <th scope="col">{t('blog.author')}</th>}
            <th scope="col">{t('blog.published')}</th>
            <th scope="col" className="text-end">
              {t('blog.views')}
            </th>
          </tr>
        </thead>
        <tbody>
          {blogs.map((blog, index) => (
            <tr key={blog.id}>
              <td className="text-end text-body-secondary">{firstNumber + index}</td>
              <td className="blog-title-cell">
                <Link to={`/blogs/${blog.id}`}>{blog.title}</Link>
              </td>
              {showAuthor && (
                <td className="text-nowrap">
                  <Link to={`/authors/${blog.author.id}`} className="link-secondary">
                    {blog.author.name}
                  </Link>
                </td>
              )}
              <td className="text-nowrap">
                <RelativeTime dateTime={blog.pubDate} />
              </td>
              <td className="text-end">{number.format(blog.viewCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
