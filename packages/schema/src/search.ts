import { z } from 'zod';
import { BlogSummarySchema, TagSlugSchema } from './blog';
import { IdSchema, Page, PageQuery } from './common';
import { LIMITS } from './limits';

/** `GET /search`: words to find (each must be there), a page, and optional filters. */
export const SearchQuery = PageQuery.extend({
  q: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(LIMITS.searchText),
  /** A tag's slug (`TagRef.slug`). */
  tag: TagSlugSchema.optional(),
  authorId: IdSchema.optional(),
});
export type SearchQueryInput = z.input<typeof SearchQuery>;
export type SearchParams = z.output<typeof SearchQuery>;

/**
 * A blog found by a search: its list item, and its title and a passage of its text as HTML, with
 * `<mark>` around what matched and everything else escaped (safe to insert as it is).
 */
export const SearchHitSchema = BlogSummarySchema.extend({
  titleHtml: z.string(),
  snippetHtml: z.string(),
}).meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchPageSchema = Page(SearchHitSchema).meta({ id: 'SearchPage' });
export type SearchPage = z.infer<typeof SearchPageSchema>;
