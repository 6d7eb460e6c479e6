import { createHash } from 'node:crypto';
import {
  LIMITS,
  type BlogListParams,
  type BulkBlogAction,
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
  lt,
  or,
  sql,
  type Placeholder,
  type SQL,
} from 'drizzle-orm';
import { alias, type MySqlSelect, type SelectedFields } from 'drizzle-orm/mysql-core';
import { slug } from 'github-slugger';
import type { Db } from '../../db/connection';
import { authors, blogRevisions, blogs, blogTags, tags, users } from '../../db/schema';

/**
 * What a public list is filtered by: an author, a tag (by its slug). A title search (`q`) is
 * answered by the search index instead (BlogService.list).
 */
export type BlogFilter = Pick<BlogListParams, 'authorId' | 'tag'>;

/**
 * Published and not deleted: the only blogs the public sees. `listingOf` says the same of a row at
 * hand, for blog_tags' copy (test/blogs-listing.test.ts checks that the two agree on every write).
 */
export const visibleBlog = and(eq(blogs.status, 'published'), isNull(blogs.deletedAt))!;

/** A value, or where it goes in a prepared query. */
type Param<T> = T | Placeholder;

interface Conditions {
  authorId?: Param<number>;
  /** The tag's slug. */
  tag?: Param<string>;
}

function conditionsOf(filter: BlogFilter): Conditions {
  return {
    authorId: filter.authorId,
    tag: filter.tag,
  };
}

/**
 * A tag's list is read from blog_tags_listing_idx: the tag (a constant once its slug is looked
 * up by tags_slug_uq), then its visible blogs in (pub_date, blog_id) order, a range of the index
 * whichever page. blog_tags' copies of `visible` and `pub_date` say which blogs and in what order.
 */
const byTag = (conditions: Conditions) => conditions.tag !== undefined;

function whereOf({ authorId, tag }: Conditions): SQL {
  const conditions =
    tag === undefined ? [visibleBlog] : [eq(tags.slug, tag), eq(blogTags.visible, true)];
  if (authorId) conditions.push(eq(blogs.authorId, authorId));
  return and(...conditions)!;
}

/** The columns a list is ordered by: the blog's own, or blog_tags' copies of them by tag. */
function orderColumns(conditions: Conditions) {
  return byTag(conditions)
    ? { pubDate: blogTags.pubDate, id: blogTags.blogId }
    : { pubDate: blogs.pubDate, id: blogs.id };
}

const summaryColumns = {
  id: blogs.id,
  title: blogs.title,
  excerpt: blogs.excerpt,
  readingMinutes: blogs.readingMinutes,
  pubDate: blogs.pubDate,
  viewCount: blogs.viewCount,
  commentCount: blogs.commentCount,
  authorId: authors.id,
  authorName: authors.name,
  coverId: blogs.coverUploadId,
  featured: blogs.featured,
};

/** How many of each tag's newest blogs `related` weighs. */
export const RELATED_PER_TAG = 200;

/** The blog a deep page is sought from (see `listPage`). */
const anchor = alias(blogs, 'anchor');

export type BlogSummaryRow = {
  id: number;
  title: string;
  excerpt: string;
  readingMinutes: number;
  pubDate: Date;
  viewCount: number;
  commentCount: number;
  authorId: number;
  authorName: string;
  coverId: number | null;
  featured: boolean;
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
  commentsOpen: blogs.commentsOpen,
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
  commentsOpen: boolean;
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

/** A new blog as the database made it. */
export interface InsertedBlog {
  id: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  viewCount: number;
  commentsOpen: boolean;
  tags: TagRef[];
}

/** What RETURNING gives back of a new blog: what the database set (defaults, times). */
const returned = sql.join(
  (
    [
      ['id', blogs.id],
      ['createdAt', blogs.createdAt],
      ['updatedAt', blogs.updatedAt],
      ['version', blogs.version],
      ['viewCount', blogs.viewCount],
      ['commentsOpen', blogs.commentsOpen],
    ] as const
  ).map(([key, column]) => sql`${sql.identifier(column.name)} as ${sql.identifier(key)}`),
  sql`, `,
);

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

/** A tag as a save finds or makes it. */
export interface FoundTag extends TagRef {
  id: number;
}

/** Each name's tag, if there is one, found as the collation compares names: one statement. */
async function findTags(db: Db, names: string[]): Promise<(FoundTag | undefined)[]> {
  const lookups = names.map(
    (name, i) =>
      sql`(select ${i} as i, ${tags.id} as id, ${tags.name} as name, ${tags.slug} as slug from ${tags} where ${tags.name} = ${name} limit 1)`,
  );
  const [rows] = (await db.execute(sql.join(lookups, sql` union all `))) as unknown as [
    (FoundTag & { i: number })[],
  ];
  const found: (FoundTag | undefined)[] = names.map(() => undefined);
  for (const { i, ...tag } of rows) found[i] = tag;
  return found;
}

/**
 * The tags of these names in the order given, each made when no tag has the name (the collation
 * compares case-insensitively), repeats once. Outside the save's transaction, so a tag another
 * save has just made is seen (a transaction's snapshot would not see it); one statement to find
 * them all, and for new names one multi-row insert per slug candidate.
 */
export async function tagIdsFor(db: Db, names: string[]): Promise<FoundTag[]> {
  if (!names.length) return [];
  let found = await findTags(db, names);
  const candidates = names.map(slugsFor);
  for (let attempt = 0; found.some((tag) => !tag); attempt++) {
    const missing = names.flatMap((name, i) => {
      const slugValue = candidates[i]![attempt];
      return found[i] || slugValue === undefined ? [] : [{ name, slug: slugValue }];
    });
    if (!missing.length) {
      throw new Error(`no slug free for tag ${names[found.findIndex((tag) => !tag)]}`);
    }
    // Ignored when the name or the slug is taken; the names are looked for again.
    await db.insert(tags).ignore().values(missing);
    const again = await findTags(db, names);
    found = found.map((tag, i) => tag ?? again[i]);
  }
  const unique = new Map<number, FoundTag>();
  for (const tag of found as FoundTag[]) if (!unique.has(tag.id)) unique.set(tag.id, tag);
  return [...unique.values()];
}

/** Db or a transaction of it: what the blog_tags writers below run on. */
export type Runner = Db | Tx;

/** What blog_tags keeps of its blog, so a tag's list needs only blog_tags_listing_idx. */
export interface Listing {
  visible: boolean;
  pubDate: Date;
}

/** A blog's listing from its columns: `visibleBlog`'s rule, for a row at hand. */
export function listingOf(blog: {
  status: BlogState;
  deletedAt?: Date | null;
  pubDate: Date;
}): Listing {
  return { visible: blog.status === 'published' && !blog.deletedAt, pubDate: blog.pubDate };
}

/** One blog's tags (ids, in their order) and its listing, as blog_tags is to hold them. */
export interface TaggedBlog {
  blogId: number;
  tagIds: number[];
  listing: Listing;
}

/**
 * Gives blogs tags: the one statement that makes blog_tags rows, each with its blog's listing.
 * Called with the blog's state as its write leaves it, in the same transaction.
 */
export async function linkTags(runner: Runner, tagged: TaggedBlog[]): Promise<void> {
  const rows = tagged.flatMap(({ blogId, tagIds, listing }) =>
    tagIds.map((tagId, position) => ({ blogId, tagId, position, ...listing })),
  );
  if (rows.length) await runner.insert(blogTags).values(rows);
}

/**
 * Brings blog_tags' copies of a blog's listing up to date: every write that changes a blog's
 * status, pub_date or trash calls it for the blog's tags in the same transaction (`update`,
 * `publishDueBlogs`). Rows are named by their keys, never by a range of blog ids: a range locks
 * the gap after it, where concurrent saves of new blogs insert theirs (deadlocks).
 */
export async function relistTags(runner: Runner, tagged: TaggedBlog[]): Promise<void> {
  for (const { blogId, tagIds, listing } of tagged) {
    if (!tagIds.length) continue;
    await runner
      .update(blogTags)
      .set(listing)
      .where(and(eq(blogTags.blogId, blogId), inArray(blogTags.tagId, tagIds)));
  }
}

/** These blogs' tag ids, by blog (a consistent read: the callers hold the blogs' rows locked). */
export async function tagIdsOf(runner: Runner, blogIds: number[]): Promise<Map<number, number[]>> {
  const byBlog = new Map<number, number[]>(blogIds.map((id) => [id, []]));
  if (!blogIds.length) return byBlog;
  const rows = await runner
    .select({ blogId: blogTags.blogId, tagId: blogTags.tagId })
    .from(blogTags)
    .where(inArray(blogTags.blogId, blogIds));
  for (const { blogId, tagId } of rows) byBlog.get(blogId)?.push(tagId);
  return byBlog;
}

/**
 * Replaces a blog's tags. Its old rows are deleted by their keys, never by a range: a range
 * delete locks the gap after it, where concurrent saves of new blogs insert theirs (deadlocks).
 */
async function setTags(tx: Tx, blogId: number, oldTagIds: number[], tagged: TaggedBlog) {
  if (oldTagIds.length) {
    await tx
      .delete(blogTags)
      .where(and(eq(blogTags.blogId, blogId), inArray(blogTags.tagId, oldTagIds)));
  }
  await linkTags(tx, [tagged]);
}

/** The blog's tags in their order, with their names (for the revision a save keeps). */
async function currentTagsOf(tx: Tx, blogId: number) {
  return tx
    .select({ tagId: blogTags.tagId, name: tags.name })
    .from(blogTags)
    .innerJoin(tags, eq(tags.id, blogTags.tagId))
    .where(eq(blogTags.blogId, blogId))
    .orderBy(asc(blogTags.position));
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
  /**
   * The rows a list walks, ready for its WHERE: blogs, or by tag the tag's blog_tags rows (with
   * their blogs when `withBlogs`: the page's columns, or an author or title filter, need them).
   */
  function listFrom<T extends SelectedFields>(
    fields: T,
    conditions: Conditions,
    { withBlogs = true, hint }: { withBlogs?: boolean; hint?: 'forced' } = {},
  ) {
    const fromBlogs = () =>
      db
        .select(fields)
        .from(blogs, hint && { forceIndex: 'blogs_visible_pub_idx' })
        .$dynamic();
    if (!byTag(conditions)) return fromBlogs();
    // Inner joins only: the rows have the same shape whichever tables they come from.
    const links = (db.select(fields).from(tags).$dynamic() as unknown as MySqlSelect).innerJoin(
      blogTags,
      eq(blogTags.tagId, tags.id),
      hint && { forceIndex: 'blog_tags_listing_idx' },
    );
    const rows = withBlogs ? links.innerJoin(blogs, eq(blogs.id, blogTags.blogId)) : links;
    return rows as unknown as ReturnType<typeof fromBlogs>;
  }

  /** An author filter reads the blogs themselves; a tag alone only blog_tags. */
  const readsBlogs = (c: Conditions) => c.authorId !== undefined;

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
    const listed = orderColumns(conditions);
    const where =
      afterId === undefined
        ? whereOf(conditions)
        : and(
            whereOf(conditions),
            or(
              beyond(listed.pubDate, anchor.pubDate),
              and(eq(listed.pubDate, anchor.pubDate), beyond(listed.id, anchor.id)),
            ),
          )!;

    // Only from the very top: after an anchor, MariaDB plans this form as a scan from the top
    // that reads every row before the anchor, while the covering form below gets the range.
    if (offset === 0 && afterId === undefined) {
      // Unfiltered, by title or by tag, the page is the top of the list's own index. Forced:
      // after a burst of writes InnoDB's sampled statistics made MariaDB start from authors
      // instead and read every blog (8 s a page, seen in `pnpm bench`). By author, the planner
      // chooses between the author's index and the tag's.
      const hint = conditions.authorId === undefined ? 'forced' : undefined;
      return listFrom(summaryColumns, conditions, { hint })
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .where(where)
        .orderBy(order(listed.pubDate), order(listed.id))
        .limit(limit);
    }
    const ids = listFrom({ id: listed.id }, conditions, { withBlogs: readsBlogs(conditions) });
    const page = (afterId === undefined ? ids : ids.innerJoin(anchor, eq(anchor.id, afterId)))
      .where(where)
      .orderBy(order(listed.pubDate), order(listed.id))
      .limit(limit)
      .offset(offset)
      .as('page');
    return db
      .select(summaryColumns)
      .from(page)
      .innerJoin(blogs, eq(blogs.id, page.id))
      .innerJoin(authors, eq(authors.id, blogs.authorId))
      .orderBy(order(blogs.pubDate), order(blogs.id));
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
    const shape = [sort, Boolean(filter.authorId), Boolean(filter.tag), first, anchored].join();
    let query = preparedPages.get(shape);
    if (!query) {
      query = pageQuery(
        {
          authorId: filter.authorId ? sql.placeholder('authorId') : undefined,
          tag: filter.tag ? sql.placeholder('tag') : undefined,
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
      commentsOpen: blogs.commentsOpen,
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
      const conditions = conditionsOf(filter);
      const listed = orderColumns(conditions);
      const [row] = await listFrom({ id: listed.id }, conditions, {
        withBlogs: readsBlogs(conditions),
      })
        .where(whereOf(conditions))
        .orderBy(order(listed.pubDate), order(listed.id))
        .limit(1)
        .offset(offset);
      return row?.id;
    },

    countQuery(filter: BlogFilter) {
      const conditions = conditionsOf(filter);
      // A tag alone is counted in blog_tags_listing_idx, without reading a blog.
      return listFrom({ n: count() }, conditions, { withBlogs: readsBlogs(conditions) }).where(
        whereOf(conditions),
      );
    },

    async count(filter: BlogFilter): Promise<number> {
      const [row] = await this.countQuery(filter);
      return row?.n ?? 0;
    },

    async findVisible(id: number) {
      const [row] = await findVisibleQuery.execute({ id });
      return row;
    },

    /** The query `tagPage` runs (for EXPLAIN): tags by their published blogs, most used first. */
    tagPageQuery(limit: number, offset: number) {
      const blogCount = sql<number>`count(*)`.mapWith(Number);
      return db
        .select({ name: tags.name, slug: tags.slug, blogCount })
        .from(blogTags)
        .innerJoin(tags, eq(tags.id, blogTags.tagId))
        .where(eq(blogTags.visible, true))
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
        .where(eq(blogTags.visible, true));
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
    async authorOf(userId: number): Promise<{ id: number; name: string } | undefined> {
      const [row] = await db
        .select({ id: authors.id, name: authors.name })
        .from(authors)
        .where(eq(authors.userId, userId))
        .limit(1);
      return row;
    },

    async authorIdOf(userId: number): Promise<number | undefined> {
      return (await this.authorOf(userId))?.id;
    },

    /**
     * The author a user writes as, made on their first blog and named after their nickname.
     * Outside any transaction, so a concurrent first blog's author is seen once it exists.
     */
    async authorFor(userId: number, nickname: string): Promise<{ id: number; name: string }> {
      const find = () => this.authorOf(userId);
      const existing = await find();
      if (existing) return existing;
      // Ignored when another request made it meanwhile (authors_user_id_uq).
      await db.insert(authors).ignore().values({ name: nickname, userId, email: null });
      const author = await find();
      if (!author) throw new Error(`no author for user ${userId}`);
      return author;
    },

    /** These blogs' list items, if visible (in no particular order: the caller orders them). */
    summariesOf(ids: number[]): Promise<BlogSummaryRow[]> {
      if (!ids.length) return Promise.resolve([]);
      return db
        .select(summaryColumns)
        .from(blogs)
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .where(and(inArray(blogs.id, ids), visibleBlog));
    },

    /** Where a visible blog stands in the list order, or nothing when it is not visible. */
    async placeOf(id: number): Promise<{ id: number; pubDate: Date } | undefined> {
      const [row] = await db
        .select({ id: blogs.id, pubDate: blogs.pubDate })
        .from(blogs)
        .where(and(eq(blogs.id, id), visibleBlog))
        .limit(1);
      return row;
    },

    /**
     * The query for the visible blog just before (`older`) or just after a place in (pubDate, id)
     * order (for EXPLAIN): one step along blogs_visible_pub_idx from the place.
     */
    neighbourQuery(place: { id: number; pubDate: Date }, older: boolean) {
      const beyond = older ? lt : gt;
      const order = older ? desc : asc;
      return db
        .select({ id: blogs.id, title: blogs.title, pubDate: blogs.pubDate })
        .from(blogs, { forceIndex: 'blogs_visible_pub_idx' })
        .where(
          and(
            visibleBlog,
            or(
              beyond(blogs.pubDate, place.pubDate),
              and(eq(blogs.pubDate, place.pubDate), beyond(blogs.id, place.id)),
            ),
          ),
        )
        .orderBy(order(blogs.pubDate), order(blogs.id))
        .limit(1);
    },

    async neighbour(place: { id: number; pubDate: Date }, older: boolean) {
      const [row] = await this.neighbourQuery(place, older);
      return row;
    },

    /**
     * The query `related` runs (for EXPLAIN): blogs sharing tags with `blogId`, by how many they
     * share, then the newest. Each of its tags is one range of blog_tags_listing_idx, read newest
     * first and cut at RELATED_PER_TAG, so a popular tag costs no more than a rare one.
     */
    relatedQuery(blogId: number, tagIds: number[], limit: number) {
      const perTag = tagIds.map(
        (tagId) =>
          sql`(select ${blogTags.blogId} as blog_id, ${blogTags.pubDate} as pub_date from ${blogTags} force index (blog_tags_listing_idx) where ${blogTags.tagId} = ${tagId} and ${blogTags.visible} = true order by ${blogTags.pubDate} desc, ${blogTags.blogId} desc limit ${RELATED_PER_TAG})`,
      );
      return sql`select blog_id as id, count(*) as shared from (${sql.join(perTag, sql` union all `)}) as candidates where blog_id <> ${blogId} group by blog_id order by shared desc, max(pub_date) desc, blog_id desc limit ${limit}`;
    },

    /** The ids of the blogs most related to `blogId` by shared tags, most related first. */
    async related(blogId: number, limit: number): Promise<number[]> {
      const tagIds = (await tagIdsOf(db, [blogId])).get(blogId) ?? [];
      if (!tagIds.length) return [];
      const [rows] = (await db.execute(this.relatedQuery(blogId, tagIds, limit))) as unknown as [
        { id: number }[],
      ];
      return rows.map((row) => Number(row.id));
    },

    /** The query `featured` runs (for EXPLAIN): visible featured blogs with a cover, newest first. */
    featuredQuery(limit: number) {
      return db
        .select(summaryColumns)
        .from(blogs, { forceIndex: 'blogs_featured_pub_idx' })
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .where(and(eq(blogs.featured, true), visibleBlog, isNotNull(blogs.coverUploadId)))
        .orderBy(desc(blogs.pubDate), desc(blogs.id))
        .limit(limit);
    },

    featured(limit: number): Promise<BlogSummaryRow[]> {
      return this.featuredQuery(limit);
    },

    /**
     * Of these blogs, the ones a moderator's `action` would change (an unpublish leaves drafts
     * alone, a restore what is not in the trash), with their state.
     */
    moderatable(ids: number[], action: BulkBlogAction) {
      const changes: Record<BulkBlogAction, SQL> = {
        unpublish: and(inArray(blogs.status, ['published', 'scheduled']), isNull(blogs.deletedAt))!,
        delete: isNull(blogs.deletedAt),
        restore: isNotNull(blogs.deletedAt),
        feature: eq(blogs.featured, false),
        unfeature: eq(blogs.featured, true),
      };
      return db
        .select({ id: blogs.id, status: blogs.status, pubDate: blogs.pubDate })
        .from(blogs)
        .where(and(inArray(blogs.id, ids), changes[action]))
        .orderBy(asc(blogs.id));
    },

    /**
     * Sets the featured flag. The version (the ETag) stays: the flag is not the author's text,
     * and an author's save from an ETag read before it must not be refused for it.
     */
    async setFeatured(id: number, featured: boolean): Promise<void> {
      // updated_at too: it says when the author last changed the blog.
      await db
        .update(blogs)
        .set({ featured, updatedAt: sql`${blogs.updatedAt}` })
        .where(eq(blogs.id, id));
    },

    /**
     * Adds views to blogs' view_count, one statement for the batch (a CASE on the primary key).
     * A blog deleted meanwhile is simply not updated.
     */
    async addViews(views: [number, number][]): Promise<void> {
      if (!views.length) return;
      const cases = sql.join(
        views.map(([id, n]) => sql`when ${id} then ${n}`),
        sql` `,
      );
      await db
        .update(blogs)
        .set({
          viewCount: sql`${blogs.viewCount} + case ${blogs.id} ${cases} else 0 end`,
          // A view is not a change of the blog.
          updatedAt: sql`${blogs.updatedAt}`,
        })
        .where(
          inArray(
            blogs.id,
            views.map(([id]) => id),
          ),
        );
    },

    /**
     * Writes a new blog and its tags in one transaction, and returns what the database gave it:
     * its id and times (read back by RETURNING in the same statement), and its tags.
     */
    /** The tags of these names, made when missing (`tagIdsFor`), for `insert`. */
    tagsFor: (names: string[]) => tagIdsFor(db, names),

    async insert(
      values: NewBlogRow & { status: BlogState },
      found: FoundTag[],
    ): Promise<InsertedBlog> {
      const inserted = await db.transaction(async (tx) => {
        const insert = tx.insert(blogs).values(values).getSQL();
        const [rows] = (await tx.execute(sql`${insert} returning ${returned}`)) as unknown as [
          Omit<InsertedBlog, 'tags'>[],
        ];
        // Raw rows: the times as the driver gives them, mapped as the columns map them.
        const raw = rows[0]!;
        const row = {
          ...raw,
          createdAt: blogs.createdAt.mapFromDriverValue(raw.createdAt as unknown as string) as Date,
          updatedAt: blogs.updatedAt.mapFromDriverValue(raw.updatedAt as unknown as string) as Date,
        };
        await linkTags(tx, [
          { blogId: row.id, tagIds: found.map((tag) => tag.id), listing: listingOf(values) },
        ]);
        return row;
      });
      return { ...inserted, tags: found.map(({ name, slug }) => ({ name, slug })) };
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
        const currentTags = await currentTagsOf(tx, id);
        const { values, revision } = await change({
          ...current,
          tags: currentTags.map((t) => t.name),
        });
        if (revision) await keepRevision(tx, id, revision);
        await tx
          .update(blogs)
          .set({ ...values, version: sql`${blogs.version} + 1` })
          .where(eq(blogs.id, id));
        // The blog as this save leaves it: its tags' copies of its listing follow.
        const listing = listingOf({ ...current, ...values } as LockedBlog);
        const oldTagIds = currentTags.map((t) => t.tagId);
        if (tagIds) {
          await setTags(tx, id, oldTagIds, {
            blogId: id,
            tagIds: tagIds.map((t) => t.id),
            listing,
          });
        } else {
          await relistTags(tx, [{ blogId: id, tagIds: oldTagIds, listing }]);
        }
      });
    },
  };
}

export type BlogRepository = ReturnType<typeof createBlogRepository>;
