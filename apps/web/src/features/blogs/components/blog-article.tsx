import type { Blog } from '@folio/schema';
import { Link } from 'react-router';
import { RelativeTime } from '../../../components/relative-time';
import { useI18n } from '../../../lib/i18n';
import { readingTimeText } from '../reading-time';
import { BlogCover } from './blog-cover';
import { TagLinks } from './tag-links';

/** The page's width at each of Bootstrap's container sizes, less its padding. */
const COVER_SIZES =
  '(min-width: 1400px) 1296px, (min-width: 1200px) 1116px, (min-width: 992px) 936px, ' +
  '(min-width: 768px) 696px, (min-width: 576px) 516px, calc(100vw - 1.5rem)';

export function BlogArticle({ blog }: { blog: Blog }) {
  const { t, locale } = useI18n();
  return (
    <article>
      <header className="mb-4 pb-3 border-bottom">
        <h1 className="mb-2 text-break">{blog.title}</h1>
        <p className="text-body-secondary mb-0">
          {t('blog.byline')}{' '}
          <Link to={`/authors/${blog.author.id}`} data-testid="blog-author">
            {blog.author.name}
          </Link>{' '}
          · <RelativeTime dateTime={blog.pubDate} /> ·{' '}
          {t('blog.viewCount', { count: new Intl.NumberFormat(locale).format(blog.viewCount) })} ·{' '}
          {readingTimeText(t, locale, blog.readingMinutes)} ·{' '}
          <a href="#comments-title" data-testid="blog-comment-count">
            {t('blog.commentCount', {
              count: new Intl.NumberFormat(locale).format(blog.commentCount),
            })}
          </a>
        </p>
        {blog.tags.length > 0 && (
          <div className="mt-2">
            <TagLinks tags={blog.tags} />
          </div>
        )}
      </header>
      {blog.cover && (
        <BlogCover
          cover={blog.cover}
          sizes={COVER_SIZES}
          fallbackWidth={800}
          className="blog-cover"
          eager
        />
      )}
      {/* The API renders and sanitizes the markdown once per save (scripts, handlers, styles,
          frames and script URLs never survive), so the page shows its HTML as it is. */}
      <div className="blog-content" dangerouslySetInnerHTML={{ __html: blog.contentHtml }} />
    </article>
  );
}

export function BlogArticlePlaceholder() {
  const { t } = useI18n();
  return (
    <div className="placeholder-glow" aria-busy="true" role="status">
      <span className="visually-hidden">{t('common.loading')}</span>
      <div className="placeholder col-8 placeholder-lg mb-3" style={{ height: '2.5rem' }} />
      <div className="placeholder col-4 mb-4 d-block" />
      <div className="placeholder col-12 mb-2 d-block" />
      <div className="placeholder col-11 mb-2 d-block" />
      <div className="placeholder col-9 mb-2 d-block" />
      <div className="placeholder col-10 d-block" />
    </div>
  );
}
