import type { Blog, BlogListParams, BlogPage, BlogSummary } from '@folio/schema';
import { NotFound } from '../../lib/errors';
import type { CountCache } from '../../lib/count-cache';
import { pageCount } from '../../lib/sql';
import type { BlogFilter, BlogRepository, BlogSummaryRow } from './repository';

export const BLOGS_SCOPE = 'blogs';

/**
 * Deep pages are sought from an anchor, the id of every ANCHOR_STRIDE-th blog in list order, so a
 * page walks fewer than ANCHOR_STRIDE + perPage index entries whatever its number. Anchors are
 * cached beside the totals, in the same scope: a write that invalidates the totals drops them too
 * (so writes that change a blog's pubDate must invalidate BLOGS_SCOPE as well).
 */
const ANCHOR_STRIDE = 1_000;

function toSummary(row: BlogSummaryRow): BlogSummary {
  return {
    id: row.id,
    title: row.title,
    pubDate: row.pubDate.toISOString(),
    viewCount: row.viewCount,
    author: { id: row.authorId, name: row.authorName },
  };
}

export function createBlogService(repo: BlogRepository, counts: CountCache) {
  async function pageRows(
    filter: BlogFilter,
    sort: BlogListParams['sort'],
    limit: number,
    offset: number,
  ) {
    const anchorAt = offset - (offset % ANCHOR_STRIDE);
    if (anchorAt === 0) return repo.page(filter, sort, limit, offset);
    // 0, never an id, records that the list is shorter than anchorAt: the page is empty.
    const afterId = await counts.get(
      BLOGS_SCOPE,
      { ...filter, sort, anchorAt },
      async () => (await repo.idAt(filter, sort, anchorAt - 1)) ?? 0,
    );
    if (afterId === 0) return [];
    return repo.page(filter, sort, limit, offset - anchorAt, afterId);
  }

  return {
    async list(params: BlogListParams): Promise<BlogPage> {
      const { page, perPage, sort, authorId, q } = params;
      const filter = { authorId, q: q || undefined };
      const [rows, total] = await Promise.all([
        pageRows(filter, sort, perPage, (page - 1) * perPage),
        counts.get(BLOGS_SCOPE, filter, () => repo.count(filter)),
      ]);
      return { items: rows.map(toSummary), page, perPage, total, pages: pageCount(total, perPage) };
    },

    async get(id: number): Promise<Blog> {
      const row = await repo.findVisible(id);
      if (!row) throw NotFound('blogNotFound');
      return {
        ...toSummary(row),
        content: row.content,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      };
    },
  };
}

export type BlogService = ReturnType<typeof createBlogService>;
