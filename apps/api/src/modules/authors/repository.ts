import type { AuthorListParams } from '@folio/schema';
import { and, asc, count, eq, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { authors, blogs } from '../../db/schema';
import { containsPattern } from '../../lib/sql';
import { visibleBlog } from '../blogs/repository';

export type AuthorFilter = Pick<AuthorListParams, 'q'>;

function whereOf(filter: AuthorFilter): SQL | undefined {
  if (!filter.q) return undefined;
  // Name only: matching the unpublished address would let anyone test which one an author has.
  return like(authors.name, containsPattern(filter.q));
}

/** Counted per author through blogs_author_visible_pub_idx: one index range per row shown. */
const blogCount = sql<number>`(select count(*) from ${blogs} where ${and(
  eq(blogs.authorId, authors.id),
  visibleBlog,
)})`.mapWith(Number);

const authorColumns = {
  id: authors.id,
  name: authors.name,
  bio: authors.bio,
  createdAt: authors.createdAt,
  blogCount,
};

export function createAuthorRepository(db: Db) {
  return {
    listPage(filter: AuthorFilter, limit: number, offset: number) {
      return db
        .select(authorColumns)
        .from(authors)
        .where(whereOf(filter))
        .orderBy(asc(authors.id))
        .limit(limit)
        .offset(offset);
    },

    async count(filter: AuthorFilter): Promise<number> {
      const [row] = await db.select({ n: count() }).from(authors).where(whereOf(filter));
      return row?.n ?? 0;
    },

    async find(id: number) {
      const [row] = await db.select(authorColumns).from(authors).where(eq(authors.id, id)).limit(1);
      return row;
    },
  };
}

export type AuthorRepository = ReturnType<typeof createAuthorRepository>;
