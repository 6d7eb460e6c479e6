import type { Upload } from '@folio/schema';
import { srcsetOf, variantFor } from '../cover';

interface BlogCoverProps {
  cover: Upload;
  /** How wide the picture is laid out (`sizes`), so the browser fetches the size it needs. */
  sizes: string;
  /** What browsers without `srcset` show: the narrowest size at least this wide. */
  fallbackWidth: number;
  className: string;
  /** Fetched at once: a picture at the top of the page, seen before any scrolling. */
  eager?: boolean;
}

/**
 * A blog's cover in all its stored sizes. Its alt text is empty: the blog's title beside it says
 * what it is about, and its authors give no description of the picture to read out instead.
 */
export function BlogCover({ cover, sizes, fallbackWidth, className, eager }: BlogCoverProps) {
  return (
    <img
      src={variantFor(cover, fallbackWidth)}
      srcSet={srcsetOf(cover)}
      sizes={sizes}
      // The stored proportions reserve the picture's room before it arrives.
      width={cover.width}
      height={cover.height}
      alt=""
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      className={className}
    />
  );
}
