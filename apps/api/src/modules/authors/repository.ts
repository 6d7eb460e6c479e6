import type { AuthorListParams } from '@folio/schema';
import { and, asc, count, eq, getTableColumns, like, sql, type SQL } from 'drizzle-orm';
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

    /** A new author (staff make them); its id. */
    async insert(values: { name: string; email: string | null; bio: string | null }) {
      const [result] = await db.insert(authors).values(values);
      return result.insertId;
    },

    async update(
      id: number,
      values: { name?: string; email?: string | null; bio?: string | null },
    ) {
      if (Object.keys(values).length)
        await db.update(authors).set(values).where(eq(authors.id, id));
    },

    /** Every column, as staff see an author. */
    async findFull(id: number) {
      const [row] = await db
        .select({
          ...getTableColumns(authors),
          // Every blog, whatever its state: what staff are shown.
          blogs:
            sql<number>`(select count(*) from ${blogs} where ${eq(blogs.authorId, authors.id)})`.mapWith(
              Number,
            ),
        })
        .from(authors)
        .where(eq(authors.id, id))
        .limit(1);
      return row;
    },

    async find(id: number) {
      const [row] = await db.select(authorColumns).from(authors).where(eq(authors.id, id)).limit(1);
      return row;
    },
  };
}

export type AuthorRepository = ReturnType<typeof createAuthorRepository>;
