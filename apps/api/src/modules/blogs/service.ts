import type { Blog, BlogListParams, BlogPage, BlogSummary } from '@folio/schema';
import { NotFound } from '../../lib/errors';
import type { CountCache } from '../../lib/count-cache';
import { pageCount } from '../../lib/sql';
import type { BlogRepository, BlogSummaryRow } from './repository';

export const BLOGS_SCOPE = 'blogs';

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
  return {
    async list(params: BlogListParams): Promise<BlogPage> {
      const { page, perPage, sort, authorId, q } = params;
      const filter = { authorId, q: q || undefined };
      const [rows, total] = await Promise.all([
        repo.listPage(filter, sort, perPage, (page - 1) * perPage),
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
