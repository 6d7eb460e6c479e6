import type { TagRef } from '@folio/schema';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';

/** Where a tag's blogs are listed. */
export const tagPath = (slug: string) => `/tags/${encodeURIComponent(slug)}`;

/** A blog's tags, each a link to the tag's blogs. */
export function TagLinks({ tags }: { tags: TagRef[] }) {
  const { t } = useI18n();
  if (tags.length === 0) return null;
  return (
    // A group, not a list: the lists it sits in count their blogs as their list items.
    <div className="blog-tags" role="group" aria-label={t('blog.tags')}>
      {tags.map((tag) => (
        <Link key={tag.slug} to={tagPath(tag.slug)} className="blog-tag">
          {tag.name}
        </Link>
      ))}
    </div>
  );
}
