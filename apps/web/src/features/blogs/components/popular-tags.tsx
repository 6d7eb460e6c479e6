import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useTags } from '../api/get-tags';
import { tagPath } from './tag-links';

const POPULAR_COUNT = 20;

/** The most used tags, each with its number of blogs; `current` is the tag being shown. */
export function PopularTags({ current }: { current?: string }) {
  const { t, locale } = useI18n();
  const tags = useTags({ page: 1, perPage: POPULAR_COUNT });
  const number = new Intl.NumberFormat(locale);
  // A side block: while loading, failing or empty it takes no room from the list beside it.
  if (!tags.data || tags.data.items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="popular-tags" data-testid="popular-tags">
      <div className="card-body">
        <h2 id="popular-tags" className="h6 card-title mb-3">
          {t('tags.popular')}
        </h2>
        <ul className="blog-tags">
          {tags.data.items.map((tag) => (
            <li key={tag.slug}>
              <Link
                to={tagPath(tag.slug)}
                className="blog-tag"
                aria-current={tag.slug === current ? 'page' : undefined}
              >
                {tag.name} <span className="blog-tag-count">{number.format(tag.blogCount)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
