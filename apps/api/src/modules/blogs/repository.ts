import { createHash } from 'node:crypto';
import {
  LIMITS,
  type BlogListParams,
  type BlogState,
  type MyBlogStatus,
  type Tag,
  type TagRef,
} from '@folio/schema';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  or,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import { slug } from 'github-slugger';
import type { Db } from '../../db/connection';
import { authors, blogRevisions, blogs, blogTags, tags, users } from '../../db/schema';
import { containsPattern } from '../../lib/sql';

/** What a public list is filtered by; the tag by its id (`tagIdOf` finds it from the slug). */
export type BlogFilter = Pick<BlogListParams, 'authorId' | 'q'> & { tagId?: number };

/** Published and not deleted: the only blogs the public sees. */
export const visibleBlog = and(eq(blogs.status, 'published'), isNull(blogs.deletedAt))!;

/** A value, or where it goes in a prepared query. */
type Param<T> = T | Placeholder;

interface Conditions {
  authorId?: Param<number>;
  titlePattern?: Param<string>;
  tagId?: Param<number>;
}

function conditionsOf(filter: BlogFilter): Conditions {
  return {
    authorId: filter.authorId,
    titlePattern: filter.q && containsPattern(filter.q),
    tagId: filter.tagId,
  };
}

function whereOf({ authorId, titlePattern, tagId }: Conditions): SQL {
  const conditions = [visibleBlog];
  if (authorId) conditions.push(eq(blogs.authorId, authorId));
  if (titlePattern) conditions.push(like(blogs.title, titlePattern));
  // The tag's blogs come from blog_tags_tag_idx; the semi-join keeps each blog once.
  if (tagId) {
    conditions.push(
      sql`${blogs.id} in (select ${blogTags.blogId} from ${blogTags} where ${blogTags.tagId} = ${tagId})`,
    );
  }
  return and(...conditions)!;
}

const summaryColumns = {
  id: blogs.id,
  title: blogs.title,
  excerpt: blogs.excerpt,
  readingMinutes: blogs.readingMinutes,
  pubDate: blogs.pubDate,
  viewCount: blogs.viewCount,
  authorId: authors.id,
  authorName: authors.name,
  coverId: blogs.coverUploadId,
};

/** The blog a deep page is sought from (see `listPage`). */
const anchor = alias(blogs, 'anchor');

export type BlogSummaryRow = {
  id: number;
  title: string;
  excerpt: string;
  readingMinutes: number;
  pubDate: Date;
  viewCount: number;
  authorId: number;
  authorName: string;
  coverId: number | null;
};

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type NewBlogRow = typeof blogs.$inferInsert;

/** An author's own list: every state, or one of them (the trash being one). */
export interface OwnFilter {
  authorId: number;
  status?: MyBlogStatus;
}

function ownWhere({ authorId, status }: OwnFilter): SQL {
  const mine = eq(blogs.authorId, authorId);
  if (status === 'trashed') return and(mine, isNotNull(blogs.deletedAt))!;
  if (status) return and(mine, eq(blogs.status, status), isNull(blogs.deletedAt))!;
  return and(mine, isNull(blogs.deletedAt))!;
}

const ownColumns = {
  ...summaryColumns,
  authorUserId: authors.userId,
  content: blogs.content,
  contentHtml: blogs.contentHtml,
  status: blogs.status,
  version: blogs.version,
  createdAt: blogs.createdAt,
  updatedAt: blogs.updatedAt,
  deletedAt: blogs.deletedAt,
};

export interface OwnBlogRow extends BlogSummaryRow {
  authorUserId: number | null;
  content: string;
  contentHtml: string;
  status: BlogState;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

/** A blog as a save finds it, locked until the save ends. */
export interface LockedBlog {
  id: number;
  title: string;
  excerpt: string;
  content: string;
  status: BlogState;
  pubDate: Date;
  version: number;
  deletedAt: Date | null;
  tags: string[];
}

/** What a save writes: columns, and the version to keep. */
export interface BlogChange {
  values: Partial<NewBlogRow>;
  revision?: { title: string; excerpt: string; content: string; tags: string[]; editorId: number };
}

/** A slug no other tag has: the name's own, or with a short hash of the name when taken or empty. */
function slugsFor(name: string): string[] {
  const plain = slug(name).slice(0, 50);
  const hash = createHash('sha1').update(name.toLowerCase()).digest('hex').slice(0, 8);
  return plain ? [plain, `${plain}-${hash}`] : [`tag-${hash}`];
}

/**
 * The tags' ids in the order given, each made when no tag has the name (the collation compares
 * case-insensitively), repeats once. Outside the save's transaction, one statement at a time, so a
 * tag another save has just made is seen (a transaction's snapshot would not see it).
 */
export async function tagIdsFor(db: Db, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const find = async () =>
      (await db.select({ id: tags.id }).from(tags).where(eq(tags.name, name)).limit(1))[0]?.id;
    let id = await find();
    for (const candidate of slugsFor(name)) {
      if (id) break;
      // Ignored when the name or the slug is taken; the name is looked for again.
      await db.insert(tags).ignore().values({ name, slug: candidate });
      id = await find();
    }
    if (!id) throw new Error(`no slug free for tag ${name}`);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Replaces a blog's tags. Its old rows are deleted by their keys, never by a range: a range
 * delete locks the gap after it, where concurrent saves of new blogs insert theirs (deadlocks).
 */
async function setTags(tx: Tx, blogId: number, tagIds: number[], fresh = false) {
  if (!fresh) {
    const old = await tx
      .select({ tagId: blogTags.tagId })
      .from(blogTags)
      .where(eq(blogTags.blogId, blogId));
    if (old.length) {
      await tx.delete(blogTags).where(
        and(
          eq(blogTags.blogId, blogId),
          inArray(
            blogTags.tagId,
            old.map((r) => r.tagId),
          ),
        ),
      );
    }
  }
  if (tagIds.length) {
    await tx
      .insert(blogTags)
      .values(tagIds.map((tagId, position) => ({ blogId, tagId, position })));
  }
}

async function tagNamesOf(tx: Tx, blogId: number): Promise<string[]> {
  const rows = await tx
    .select({ name: tags.name })
    .from(blogTags)
    .innerJoin(tags, eq(tags.id, blogTags.tagId))
    .where(eq(blogTags.blogId, blogId))
    .orderBy(asc(blogTags.position));
  return rows.map((r) => r.name);
}

async function keepRevision(tx: Tx, blogId: number, revision: NonNullable<BlogChange['revision']>) {
  await tx.insert(blogRevisions).values({ blogId, ...revision });
  const [oldestKept] = await tx
    .select({ id: blogRevisions.id })
    .from(blogRevisions)
    .where(eq(blogRevisions.blogId, blogId))
    .orderBy(desc(blogRevisions.id))
    .limit(1)
    .offset(LIMITS.blogRevisions - 1);
  if (oldestKept) {
    await tx
      .delete(blogRevisions)
      .where(and(eq(blogRevisions.blogId, blogId), lt(blogRevisions.id, oldestKept.id)));
  }
}

export function createBlogRepository(db: Db) {
  /**
   * One page in (pubDate, id) order. The page's ids come from the covering index first (a
   * "deferred join"), so skipped entries are index entries, not rows. With `afterId` the page
   * starts after that blog: joined by primary key, the anchor is read as a constant, so the index
   * range starts at it instead of walking every entry before it. The first page skips nothing, so
   * its rows are joined directly.
   */
  function pageQuery(
    conditions: Conditions,
    sort: BlogListParams['sort'],
    limit: Param<number>,
    offset: Param<number>,
    afterId?: Param<number>,
  ) {
    const order = sort === 'pubDate' ? asc : desc;
    const beyond = sort === 'pubDate' ? gt : lt;
    const ordering = [order(blogs.pubDate), order(blogs.id)];
    const where =
      afterId === undefined
        ? whereOf(conditions)
        : and(
            whereOf(conditions),
            or(
              beyond(blogs.pubDate, anchor.pubDate),
              and(eq(blogs.pubDate, anchor.pubDate), beyond(blogs.id, anchor.id)),
            ),
          )!;

    // Only from the very top: after an anchor, MariaDB plans this form as a scan from the top
    // that reads every row before the anchor, while the covering form below gets the range.
    if (offset === 0 && afterId === undefined) {
      // Unfiltered (or by title), the page is the top of the list's own index. Forced: after a
      // burst of writes InnoDB's sampled statistics made MariaDB start from authors instead and
      // read every blog (8 s a page, seen in `pnpm bench`). By author or tag, the planner chooses.
      const index =
        conditions.authorId === undefined && conditions.tagId === undefined
          ? { forceIndex: 'blogs_visible_pub_idx' }
          : undefined;
      return db
        .select(summaryColumns)
        .from(blogs, index)
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .where(where)
        .orderBy(...ordering)
        .limit(limit);
    }
    const ids = db.select({ id: blogs.id }).from(blogs).$dynamic();
    const page = (afterId === undefined ? ids : ids.innerJoin(anchor, eq(anchor.id, afterId)))
      .where(where)
      .orderBy(...ordering)
      .limit(limit)
      .offset(offset)
      .as('page');
    return db
      .select(summaryColumns)
      .from(page)
      .innerJoin(blogs, eq(blogs.id, page.id))
      .innerJoin(authors, eq(authors.id, blogs.authorId))
      .orderBy(...ordering);
  }

  // Prepared once per shape: assembling the SQL again on every request cost a quarter to a third
  // of a list or detail request's CPU (measured by `pnpm bench`).
  type PreparedPage = ReturnType<ReturnType<typeof pageQuery>['prepare']>;
  const preparedPages = new Map<string, PreparedPage>();
  function preparedPage(
    sort: BlogListParams['sort'],
    filter: BlogFilter,
    first: boolean,
    anchored: boolean,
  ) {
    const shape = [
      sort,
      Boolean(filter.authorId),
      Boolean(filter.q),
      Boolean(filter.tagId),
      first,
      anchored,
    ].join();
    let query = preparedPages.get(shape);
    if (!query) {
      query = pageQuery(
        {
          authorId: filter.authorId ? sql.placeholder('authorId') : undefined,
          titlePattern: filter.q ? sql.placeholder('titlePattern') : undefined,
          tagId: filter.tagId ? sql.placeholder('tagId') : undefined,
        },
        sort,
        sql.placeholder('limit'),
        first ? 0 : sql.placeholder('offset'),
        anchored ? sql.placeholder('afterId') : undefined,
      ).prepare();
      preparedPages.set(shape, query);
    }
    return query;
  }

  const findVisibleQuery = db
    .select({
      ...summaryColumns,
      content: blogs.content,
      contentHtml: blogs.contentHtml,
      version: blogs.version,
      createdAt: blogs.createdAt,
      updatedAt: blogs.updatedAt,
    })
    .from(blogs)
    .innerJoin(authors, eq(authors.id, blogs.authorId))
    .where(and(eq(blogs.id, sql.placeholder('id')), visibleBlog))
    .limit(1)
    .prepare();

  // One blog's tags, prepared: the blog page asks for them on every request.
  const tagsOfOneQuery = db
    .select({ name: tags.name, slug: tags.slug })
    .from(blogTags)
    .innerJoin(tags, eq(tags.id, blogTags.tagId))
    .where(eq(blogTags.blogId, sql.placeholder('id')))
    .orderBy(asc(blogTags.position))
    .prepare();

  return {
    /** The query `page` runs, with its values inline (for EXPLAIN). */
    listPage(
      filter: BlogFilter,
      sort: BlogListParams['sort'],
      limit: number,
      offset: number,
      afterId?: number,
    ) {
      return pageQuery(conditionsOf(filter), sort, limit, offset, afterId);
    },

    page(
      filter: BlogFilter,
      sort: BlogListParams['sort'],
      limit: number,
      offset: number,
      afterId?: number,
    ): Promise<BlogSummaryRow[]> {
      const first = offset === 0 && afterId === undefined;
      return preparedPage(sort, filter, first, afterId !== undefined).execute({
        ...conditionsOf(filter),
        limit,
        offset,
        afterId,
      });
    },

    /** The id of the blog at `offset` in list order, if the list is that long. */
    async idAt(
      filter: BlogFilter,
      sort: BlogListParams['sort'],
      offset: number,
    ): Promise<number | undefined> {
      const order = sort === 'pubDate' ? asc : desc;
      const [row] = await db
        .select({ id: blogs.id })
        .from(blogs)
        .where(whereOf(conditionsOf(filter)))
        .orderBy(order(blogs.pubDate), order(blogs.id))
        .limit(1)
        .offset(offset);
      return row?.id;
    },

    countQuery(filter: BlogFilter) {
      return db
        .select({ n: count() })
        .from(blogs)
        .where(whereOf(conditionsOf(filter)));
    },

    async count(filter: BlogFilter): Promise<number> {
      const [row] = await this.countQuery(filter);
      return row?.n ?? 0;
    },

    async findVisible(id: number) {
      const [row] = await findVisibleQuery.execute({ id });
      return row;
    },

    async tagIdOf(slugValue: string): Promise<number | undefined> {
      const [row] = await db
        .select({ id: tags.id })
        .from(tags)
        .where(eq(tags.slug, slugValue))
        .limit(1);
      return row?.id;
    },

    /** The query `tagPage` runs (for EXPLAIN): tags by their published blogs, most used first. */
    tagPageQuery(limit: number, offset: number) {
      const blogCount = sql<number>`count(*)`.mapWith(Number);
      return db
        .select({ name: tags.name, slug: tags.slug, blogCount })
        .from(blogTags)
        .innerJoin(blogs, and(eq(blogs.id, blogTags.blogId), visibleBlog))
        .innerJoin(tags, eq(tags.id, blogTags.tagId))
        .groupBy(tags.id)
        .orderBy(desc(blogCount), asc(tags.name), asc(tags.id))
        .limit(limit)
        .offset(offset);
    },

    tagPage(limit: number, offset: number) {
      return this.tagPageQuery(limit, offset);
    },

    /** The query `tagBySlug` runs (for EXPLAIN). */
    tagBySlugQuery(slugValue: string) {
      return db
        .select({
          name: tags.name,
          slug: tags.slug,
          blogCount: sql<number>`count(*)`.mapWith(Number),
        })
        .from(tags)
        .innerJoin(blogTags, eq(blogTags.tagId, tags.id))
        .innerJoin(blogs, and(eq(blogs.id, blogTags.blogId), visibleBlog))
        .where(eq(tags.slug, slugValue))
        .groupBy(tags.id);
    },

    /** One tag with its published blogs' count; none when no published blog carries it. */
    async tagBySlug(slugValue: string): Promise<Tag | undefined> {
      const [row] = await this.tagBySlugQuery(slugValue);
      return row;
    },

    /** How many tags have a published blog. */
    async tagCount(): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(distinct ${blogTags.tagId})`.mapWith(Number) })
        .from(blogTags)
        .innerJoin(blogs, and(eq(blogs.id, blogTags.blogId), visibleBlog));
      return row?.n ?? 0;
    },

    /** Each blog's tags, in the order its author gave them. */
    /** One blog's tags, in their order. */
    tagsOfOne(blogId: number): Promise<TagRef[]> {
      return tagsOfOneQuery.execute({ id: blogId });
    },

    async tagsOf(blogIds: number[]): Promise<Map<number, TagRef[]>> {
      const byBlog = new Map<number, TagRef[]>(blogIds.map((id) => [id, []]));
      if (!blogIds.length) return byBlog;
      const rows = await db
        .select({ blogId: blogTags.blogId, name: tags.name, slug: tags.slug })
        .from(blogTags)
        .innerJoin(tags, eq(tags.id, blogTags.tagId))
        .where(inArray(blogTags.blogId, blogIds))
        .orderBy(asc(blogTags.blogId), asc(blogTags.position));
      for (const { blogId, ...tag } of rows) byBlog.get(blogId)?.push(tag);
      return byBlog;
    },

    /** A blog in any state, trash included, with the account its author writes as. */
    async findAny(id: number): Promise<OwnBlogRow | undefined> {
      const [row] = await db
        .select(ownColumns)
        .from(blogs)
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .where(eq(blogs.id, id))
        .limit(1);
      return row;
    },

    /** The query `ownPage` runs (for EXPLAIN). */
    ownPageQuery(filter: OwnFilter, sort: BlogListParams['sort'], limit: number, offset: number) {
      const order = sort === 'pubDate' ? asc : desc;
      return db
        .select(ownColumns)
        .from(blogs)
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .where(ownWhere(filter))
        .orderBy(order(blogs.pubDate), order(blogs.id))
        .limit(limit)
        .offset(offset);
    },

    ownPage(filter: OwnFilter, sort: BlogListParams['sort'], limit: number, offset: number) {
      return this.ownPageQuery(filter, sort, limit, offset);
    },

    async ownCount(filter: OwnFilter): Promise<number> {
      const [row] = await db.select({ n: count() }).from(blogs).where(ownWhere(filter));
      return row?.n ?? 0;
    },

    /** The blog's kept revisions, newest first, with who saved over each. */
    revisions(blogId: number) {
      return db
        .select({
          id: blogRevisions.id,
          title: blogRevisions.title,
          excerpt: blogRevisions.excerpt,
          content: blogRevisions.content,
          tags: blogRevisions.tags,
          editorId: blogRevisions.editorId,
          editorNickname: users.nickname,
          createdAt: blogRevisions.createdAt,
        })
        .from(blogRevisions)
        .leftJoin(users, eq(users.id, blogRevisions.editorId))
        .where(eq(blogRevisions.blogId, blogId))
        .orderBy(desc(blogRevisions.id));
    },

    async findRevision(blogId: number, revisionId: number) {
      const [row] = await db
        .select()
        .from(blogRevisions)
        .where(and(eq(blogRevisions.blogId, blogId), eq(blogRevisions.id, revisionId)))
        .limit(1);
      return row;
    },

    /** The author a user writes as, if they have written. */
    async authorIdOf(userId: number): Promise<number | undefined> {
      const [row] = await db
        .select({ id: authors.id })
        .from(authors)
        .where(eq(authors.userId, userId))
        .limit(1);
      return row?.id;
    },

    /**
     * The author a user writes as, made on their first blog and named after their nickname.
     * Outside any transaction, so a concurrent first blog's author is seen once it exists.
     */
    async authorFor(userId: number, nickname: string): Promise<number> {
      const find = () => this.authorIdOf(userId);
      const existing = await find();
      if (existing) return existing;
      // Ignored when another request made it meanwhile (authors_user_id_uq).
      await db.insert(authors).ignore().values({ name: nickname, userId, email: null });
      const id = await find();
      if (!id) throw new Error(`no author for user ${userId}`);
      return id;
    },

    async insert(values: NewBlogRow, tagNames: string[]): Promise<number> {
      const tagIds = await tagIdsFor(db, tagNames);
      return db.transaction(async (tx) => {
        const [result] = await tx.insert(blogs).values(values);
        await setTags(tx, result.insertId, tagIds, true);
        return result.insertId;
      });
    },

    /**
     * Saves changes to a blog in one transaction with the row locked: `change` sees the row as
     * it is now and says what to write (or throws to refuse); the version it replaces may be
     * kept. `tagNames`, when given, replace the blog's tags.
     */
    async update(
      id: number,
      change: (current: LockedBlog) => Promise<BlogChange> | BlogChange,
      tagNames?: string[],
    ): Promise<void> {
      const tagIds = tagNames && (await tagIdsFor(db, tagNames));
      await db.transaction(async (tx) => {
        const [current] = await tx
          .select({
            id: blogs.id,
            title: blogs.title,
            excerpt: blogs.excerpt,
            content: blogs.content,
            status: blogs.status,
            pubDate: blogs.pubDate,
            version: blogs.version,
            deletedAt: blogs.deletedAt,
          })
          .from(blogs)
          .where(eq(blogs.id, id))
          .for('update');
        if (!current) throw new Error(`blog ${id} vanished`);
        const currentTags = await tagNamesOf(tx, id);
        const { values, revision } = await change({ ...current, tags: currentTags });
        if (revision) await keepRevision(tx, id, revision);
        await tx
          .update(blogs)
          .set({ ...values, version: sql`${blogs.version} + 1` })
          .where(eq(blogs.id, id));
        if (tagIds) await setTags(tx, id, tagIds);
      });
    },
  };
}

export type BlogRepository = ReturnType<typeof createBlogRepository>;
