import type { SearchHit as Hit } from '@folio/schema';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RelativeTime } from '../../../components/relative-time';

/**
 * One search result. Its title and passage are the API's `titleHtml` and `snippetHtml`: escaped
 * text with `<mark>` around the matches, the only HTML the page inserts as it is.
 */
export function SearchHit({ hit, children }: { hit: Hit; children?: ReactNode }) {
  return (
    <article className="search-hit" data-testid="search-hit">
      <h2 className="h5 mb-1">
        <Link
          to={`/blogs/${hit.id}`}
          className="search-hit-title"
          dangerouslySetInnerHTML={{ __html: hit.titleHtml }}
        />
      </h2>
      <p
        className="search-hit-snippet mb-1"
        dangerouslySetInnerHTML={{ __html: hit.snippetHtml }}
      />
      <div className="search-hit-meta small text-body-secondary">
        <Link to={`/authors/${hit.author.id}`} className="link-secondary">
          {hit.author.name}
        </Link>
        <RelativeTime dateTime={hit.pubDate} />
        {children}
      </div>
    </article>
  );
}
