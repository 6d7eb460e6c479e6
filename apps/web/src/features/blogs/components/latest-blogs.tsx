import type { BlogSummary } from '@folio/schema';
import { Link } from 'react-router';
import { RelativeTime } from '../../../components/relative-time';
import { useI18n } from '../../../lib/i18n';

export function LatestBlogs({ blogs }: { blogs: BlogSummary[] }) {
  const { t } = useI18n();
  return (
    <ul className="list-group" data-testid="latest-blogs">
      {blogs.map((blog) => (
        <li key={blog.id} className="list-group-item py-3">
          <Link to={`/blogs/${blog.id}`} className="fw-semibold fs-5 text-decoration-none">
            {blog.title}
          </Link>
          <div className="small text-body-secondary mt-1">
            {t('blog.byline')}{' '}
            <Link to={`/authors/${blog.author.id}`} className="link-secondary">
              {blog.author.name}
            </Link>{' '}
            · <RelativeTime dateTime={blog.pubDate} />
          </div>
        </li>
      ))}
    </ul>
  );
}
