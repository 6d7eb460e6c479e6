import type { BlogSummary } from '@folio/schema';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { readingTimeText } from '../reading-time';
import { BlogCover } from './blog-cover';
import { TagLinks } from './tag-links';

/** The thumbnail's laid-out width (`.blog-item-cover` in styles.css). */
const THUMB_SIZES = '(min-width: 768px) 8rem, 6rem';

/** A blog in a list: its title, excerpt, reading time and tags, with its cover as a thumbnail. */
export function BlogHeadline({ blog, eager }: { blog: BlogSummary; eager?: boolean }) {
  const { t, locale } = useI18n();
  const path = `/blogs/${blog.id}`;
  return (
    <div className={blog.cover ? 'blog-item has-cover' : 'blog-item'}>
      <div className="blog-item-text">
        <Link to={path} className="blog-item-title">
          {blog.title}
        </Link>
        {blog.excerpt && <p className="blog-item-excerpt">{blog.excerpt}</p>}
      </div>
      {blog.cover && (
        // A second way in for the pointer; keyboards and screen readers have the title's link.
        <Link to={path} tabIndex={-1} aria-hidden="true" className="blog-item-cover-link">
          <BlogCover
            cover={blog.cover}
            sizes={THUMB_SIZES}
            fallbackWidth={400}
            className="blog-item-cover"
            eager={eager}
          />
        </Link>
      )}
      <div className="blog-item-meta">
        <span className="text-nowrap">{readingTimeText(t, locale, blog.readingMinutes)}</span>
        <TagLinks tags={blog.tags} />
      </div>
    </div>
  );
}
