import { and, asc, count, eq, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { authors, blogs, blogTags, tags } from '../../db/schema';

/** Published and not deleted: what the public lists show (the blogs module's `visibleBlog`). */
const visible = and(eq(blogs.status, 'published'), isNull(blogs.deletedAt))!;

/** When a blog last changed for a reader: its last save, or its publication if that came later. */
const blogLastmod = sql<Date>`greatest(${blogs.updatedAt}, ${blogs.pubDate})`;

export type SitemapKind = 'blogs' | 'authors' | 'tags';

/** One URL of a sitemap: what it names (a blog's id, an author's id, a tag's slug), and when it changed. */
export interface SitemapRow {
  key: string;
  lastmod: Date;
}

/** A DATETIME as the driver hands it: a Date for a column, text for an expression over one (UTC). */
const toDate = (value: Date | string | null) =>
  value instanceof Date ? value : new Date(value ? `${value.replace(' ', 'T')}Z` : 0);

/**
 * What the sitemap lists: visible blogs by id, authors with a visible blog (changed when their
 * latest blog did), tags that a visible blog carries (changed with their latest blog's pub_date).
 */
export function createSitemapRepository(db: Db) {
  const authorsWithBlogs = db
    .select({ authorId: blogs.authorId, lastmod: max(blogLastmod).as('lastmod') })
    .from(blogs)
    .where(visible)
    .groupBy(blogs.authorId)
    .as('author_blogs');
  const visibleTags = db
    .select({ tagId: blogTags.tagId, lastmod: max(blogTags.pubDate).as('lastmod') })
    .from(blogTags)
    .where(eq(blogTags.visible, true))
    .groupBy(blogTags.tagId)
    .as('tag_blogs');

  return {
    async counts(): Promise<Record<SitemapKind, number>> {
      const [[b], [a], [t]] = await Promise.all([
        db.select({ n: count() }).from(blogs).where(visible),
        db.select({ n: count() }).from(authorsWithBlogs),
        db.select({ n: count() }).from(visibleTags),
      ]);
      return { blogs: b?.n ?? 0, authors: a?.n ?? 0, tags: t?.n ?? 0 };
    },

    /** Rows `offset` to `offset + limit` of one kind, in a stable order (by id). */
    async page(kind: SitemapKind, limit: number, offset: number): Promise<SitemapRow[]> {
      const rows: { key: number | string; lastmod: Date | string | null }[] =
        kind === 'blogs'
          ? await db
              .select({ key: blogs.id, lastmod: blogLastmod })
              .from(blogs)
              .where(visible)
              .orderBy(asc(blogs.id))
              .limit(limit)
              .offset(offset)
          : kind === 'authors'
            ? await db
                .select({ key: authors.id, lastmod: authorsWithBlogs.lastmod })
                .from(authorsWithBlogs)
                .innerJoin(authors, eq(authors.id, authorsWithBlogs.authorId))
                .orderBy(asc(authors.id))
                .limit(limit)
                .offset(offset)
            : await db
                .select({ key: tags.slug, lastmod: visibleTags.lastmod })
                .from(visibleTags)
                .innerJoin(tags, eq(tags.id, visibleTags.tagId))
                .orderBy(asc(tags.id))
                .limit(limit)
                .offset(offset);
      return rows.map((row) => ({ key: String(row.key), lastmod: toDate(row.lastmod) }));
    },

    /**
     * The latest change in each numbered sitemap of a kind (chunks of `size` rows in `page`'s
     * order), for the sitemap index: one pass over the kind's index entries, not a read of each
     * chunk.
     */
    async chunkLastmods(kind: SitemapKind, size: number): Promise<Date[]> {
      const order =
        kind === 'blogs'
          ? sql`${blogs.id}`
          : kind === 'authors'
            ? sql`${authorsWithBlogs.authorId}`
            : sql`${visibleTags.tagId}`;
      const lastmod =
        kind === 'blogs'
          ? blogLastmod
          : kind === 'authors'
            ? sql`${authorsWithBlogs.lastmod}`
            : sql`${visibleTags.lastmod}`;
      const source =
        kind === 'blogs'
          ? sql`${blogs} where ${visible}`
          : kind === 'authors'
            ? sql`${authorsWithBlogs}`
            : sql`${visibleTags}`;
      const [rows] = (await db.execute(sql`
        select floor((rn - 1) / ${size}) as chunk, max(lastmod) as lastmod
        from (select row_number() over (order by ${order}) as rn, ${lastmod} as lastmod from ${source}) numbered
        group by chunk order by chunk`)) as unknown as [
        { chunk: number; lastmod: Date | string }[],
      ];
      return rows.map((row) => toDate(row.lastmod));
    },
  };
}

export type SitemapRepository = ReturnType<typeof createSitemapRepository>;
