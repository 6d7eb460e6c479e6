import type { BlogListParams } from '@folio/schema';
import { and, asc, count, desc, eq, isNull, like, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { authors, blogs } from '../../db/schema';
import { containsPattern } from '../../lib/sql';

export type BlogFilter = Pick<BlogListParams, 'authorId' | 'q'>;

/** Published and not deleted: the only blogs the public sees. */
export const visibleBlog = and(eq(blogs.status, 'published'), isNull(blogs.deletedAt))!;

function whereOf(filter: BlogFilter): SQL {
  const conditions = [visibleBlog];
  if (filter.authorId) conditions.push(eq(blogs.authorId, filter.authorId));
  if (filter.q) conditions.push(like(blogs.title, containsPattern(filter.q)));
  return and(...conditions)!;
}

const summaryColumns = {
  id: blogs.id,
  title: blogs.title,
  pubDate: blogs.pubDate,
  viewCount: blogs.viewCount,
  authorId: authors.id,
  authorName: authors.name,
};

export type BlogSummaryRow = {
  id: number;
  title: string;
  pubDate: Date;
  viewCount: number;
  authorId: number;
  authorName: string;
};

export function createBlogRepository(db: Db) {
  return {
    /**
     * One page in (pubDate, id) order. The page's ids come from the covering index first (a
     * "deferred join"), so deep offsets walk index entries, not rows.
     */
    listPage(filter: BlogFilter, sort: BlogListParams['sort'], limit: number, offset: number) {
      const order = sort === 'pubDate' ? asc : desc;
      const page = db
        .select({ id: blogs.id })
        .from(blogs)
        .where(whereOf(filter))
        .orderBy(order(blogs.pubDate), order(blogs.id))
        .limit(limit)
        .offset(offset)
        .as('page');
      return db
        .select(summaryColumns)
        .from(page)
        .innerJoin(blogs, eq(blogs.id, page.id))
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .orderBy(order(blogs.pubDate), order(blogs.id));
    },

    countQuery(filter: BlogFilter) {
      return db.select({ n: count() }).from(blogs).where(whereOf(filter));
    },

    async count(filter: BlogFilter): Promise<number> {
      const [row] = await this.countQuery(filter);
      return row?.n ?? 0;
    },

    async findVisible(id: number) {
      const [row] = await db
        .select({
          ...summaryColumns,
          content: blogs.content,
          createdAt: blogs.createdAt,
          updatedAt: blogs.updatedAt,
        })
        .from(blogs)
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .where(and(eq(blogs.id, id), visibleBlog))
        .limit(1);
      return row;
    },
  };
}

export type BlogRepository = ReturnType<typeof createBlogRepository>;
