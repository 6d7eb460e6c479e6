import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useI18n } from '../../../lib/i18n';
import { useHotBlogs } from '../api/get-hot-blogs';

/** The most read blogs of the last 7 days, numbered, with their views of those days. */
export function HotBlogs() {
  const { t, locale } = useI18n();
  const hot = useHotBlogs();
  const number = new Intl.NumberFormat(locale);
  return (
    <section className="card" aria-labelledby="hot-blogs" data-testid="hot-blogs">
      <div className="card-body">
        <h2 id="hot-blogs" className="h6 card-title mb-3">
          {t('home.hot')}
        </h2>
        {hot.isPending ? (
          <div className="placeholder-glow" aria-busy="true" role="status">
            <span className="visually-hidden">{t('common.loading')}</span>
            {[10, 8, 9].map((width) => (
              <span key={width} className={`placeholder d-block mb-2 col-${width}`} />
            ))}
          </div>
        ) : hot.isError ? (
          <ErrorAlert error={hot.error} onRetry={() => void hot.refetch()} />
        ) : hot.data.length === 0 ? (
          <p className="text-body-secondary small mb-0">{t('home.hotEmpty')}</p>
        ) : (
          <ol className="hot-list">
            {hot.data.map((blog) => (
              <li key={blog.id}>
                <Link to={`/blogs/${blog.id}`} className="hot-list-title">
                  {blog.title}
                </Link>
                <span className="hot-list-views">
                  {t('home.recentViews', { count: number.format(blog.recentViews) })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
