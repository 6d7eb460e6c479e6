import type { BlogSummary, SearchPage, SearchParams } from '@folio/schema';
import { pageCount } from '../../lib/sql';
import { highlight, matches, snippet, termsOf } from './highlight';
import type { SearchIndex } from './search-index';

export interface SearchServiceDeps {
  index: SearchIndex;
  /** The list items of these published blogs (the blogs service's), any that are gone left out. */
  summaries: (ids: number[]) => Promise<BlogSummary[]>;
  /**
   * A search's total, kept until the next write to blogs (the blogs' cached totals): `compute`
   * runs once per search and filters until then.
   */
  cachedTotal: (key: object, compute: () => Promise<number>) => Promise<number>;
  /**
   * A search's answer as `render` writes it, kept like the blogs' rendered pages: dropped by the
   * next write to blogs, a minute at most, made once however many ask for it at the same moment.
   */
  cachedAnswer: (key: object, render: () => Promise<string>) => Promise<string>;
}

export function createSearchService({
  index,
  summaries,
  cachedTotal,
  cachedAnswer,
}: SearchServiceDeps) {
  return {
    /** A search's rendered answer (see `cachedAnswer`): common searches are asked again and again. */
    rendered(params: SearchParams, render: () => Promise<string>): Promise<string> {
      return cachedAnswer({ search: params }, render);
    },

    /** Published blogs with every word of `q`, title matches first, with highlighted passages. */
    async search({ q, page, perPage, tag, authorId }: SearchParams): Promise<SearchPage> {
      const terms = termsOf(q);
      const filters = { q, tag, authorId };
      const [hits, total] = await Promise.all([
        index.query({ ...filters, limit: perPage, offset: (page - 1) * perPage }),
        cachedTotal({ search: filters }, () => index.count(filters)),
      ]);
      const items = new Map((await summaries(hits.map((hit) => hit.id))).map((b) => [b.id, b]));
      return {
        items: hits.flatMap((hit) => {
          const blog = items.get(hit.id);
          if (!blog) return [];
          // The passage that matched: in the text, else in a written excerpt, else the start.
          const body = matches(hit.body, terms) || !hit.excerpt ? hit.body : hit.excerpt;
          return [
            { ...blog, titleHtml: highlight(blog.title, terms), snippetHtml: snippet(body, terms) },
          ];
        }),
        page,
        perPage,
        total,
        pages: pageCount(total, perPage),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
