import type {
  AdminAuthorListParams,
  AdminBlogFilterValue,
  AdminBlogListParams,
  AdminCommentFilterValue,
  AdminCommentListParams,
} from '@folio/schema';
import { and, asc, count, desc, eq, gt, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { Db } from '../../db/connection';
import { authors, blogs, commentReports, comments, users } from '../../db/schema';
import { containsPattern } from '../../lib/sql';
import { blogFilter, commentFilter } from './filters';

const orderOf = (sort: string, columns: Record<string, MySqlColumn>, id: MySqlColumn) => {
  const order = sort.startsWith('-') ? desc : asc;
  const column = columns[sort.replace(/^-/, '')]!;
  return column === id ? [order(id)] : [order(column), order(id)];
};

/** Open reports per comment, for a page's rows. */
const openReports = sql<number>`(SELECT COUNT(*) FROM ${commentReports}
  WHERE ${commentReports.resolvedAt} IS NULL AND ${commentReports.commentId} = ${comments.id})`.mapWith(
  Number,
);

const commentColumns = {
  id: comments.id,
  blogId: comments.blogId,
  blogTitle: blogs.title,
  userId: comments.userId,
  nickname: users.nickname,
  parentId: comments.parentId,
  body: comments.body,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  deletedAt: comments.deletedAt,
  openReports,
};

export type AdminCommentRow = Awaited<
  ReturnType<ReturnType<typeof createAdminContentRepository>['commentPage']>
>[number];

/** What the staff's content tables read: every blog, comment and author, whatever its state. */
export function createAdminContentRepository(db: Db) {
  /** The next ids after `afterId` that `where` selects, in primary-key order. */
  async function nextIds(
    table: typeof blogs | typeof comments,
    where: SQL | undefined,
    afterId: number,
    limit: number,
  ): Promise<number[]> {
    const rows = await db
      .select({ id: table.id })
      .from(table)
      .where(and(where, gt(table.id, afterId)))
      .orderBy(asc(table.id))
      .limit(limit);
    return rows.map((row) => row.id);
  }

  return {
    blogPageQuery({ sort, page, perPage, ...filter }: AdminBlogListParams) {
      return db
        .select({
          id: blogs.id,
          title: blogs.title,
          authorId: blogs.authorId,
          authorName: authors.name,
          status: blogs.status,
          featured: blogs.featured,
          pubDate: blogs.pubDate,
          viewCount: blogs.viewCount,
          commentCount: blogs.commentCount,
          createdAt: blogs.createdAt,
          updatedAt: blogs.updatedAt,
          deletedAt: blogs.deletedAt,
        })
        .from(blogs)
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .where(blogFilter(filter))
        .orderBy(...orderOf(sort, { id: blogs.id, pubDate: blogs.pubDate }, blogs.id))
        .limit(perPage)
        .offset((page - 1) * perPage);
    },

    async blogCount(filter: AdminBlogFilterValue): Promise<number> {
      const [row] = await db.select({ n: count() }).from(blogs).where(blogFilter(filter));
      return row?.n ?? 0;
    },

    nextBlogIds: (filter: AdminBlogFilterValue, afterId: number, limit: number) =>
      nextIds(blogs, blogFilter(filter), afterId, limit),

    commentPage({ sort, page, perPage, ...filter }: AdminCommentListParams) {
      return db
        .select(commentColumns)
        .from(comments)
        .innerJoin(blogs, eq(blogs.id, comments.blogId))
        .innerJoin(users, eq(users.id, comments.userId))
        .where(commentFilter(filter))
        .orderBy(...orderOf(sort, { id: comments.id }, comments.id))
        .limit(perPage)
        .offset((page - 1) * perPage);
    },

    async commentCount(filter: AdminCommentFilterValue): Promise<number> {
      const [row] = await db.select({ n: count() }).from(comments).where(commentFilter(filter));
      return row?.n ?? 0;
    },

    nextCommentIds: (filter: AdminCommentFilterValue, afterId: number, limit: number) =>
      nextIds(comments, commentFilter(filter), afterId, limit),

    /**
     * The moderation queue's page: comments with open reports, the most reported first, then
     * the longest waiting (read through comment_reports_open_idx).
     */
    async queuePage(limit: number, offset: number) {
      const reports = count();
      const rows = await db
        .select({ commentId: commentReports.commentId, reports })
        .from(commentReports)
        .where(isNull(commentReports.resolvedAt))
        .groupBy(commentReports.commentId)
        .orderBy(
          desc(reports),
          asc(sql`MIN(${commentReports.createdAt})`),
          asc(commentReports.commentId),
        )
        .limit(limit)
        .offset(offset);
      return rows.map((row) => row.commentId);
    },

    async queueCount(): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`COUNT(DISTINCT ${commentReports.commentId})`.mapWith(Number) })
        .from(commentReports)
        .where(isNull(commentReports.resolvedAt));
      return row?.n ?? 0;
    },

    commentsById(ids: number[]) {
      if (!ids.length) return Promise.resolve([]);
      return db
        .select(commentColumns)
        .from(comments)
        .innerJoin(blogs, eq(blogs.id, comments.blogId))
        .innerJoin(users, eq(users.id, comments.userId))
        .where(inArray(comments.id, ids));
    },

    /** The open reports of these comments, oldest first, with their reporters. */
    openReportsOf(ids: number[]) {
      if (!ids.length) return Promise.resolve([]);
      return db
        .select({
          commentId: commentReports.commentId,
          reason: commentReports.reason,
          note: commentReports.note,
          reporterId: commentReports.reporterId,
          reporterNickname: users.nickname,
          createdAt: commentReports.createdAt,
        })
        .from(commentReports)
        .innerJoin(users, eq(users.id, commentReports.reporterId))
        .where(and(isNull(commentReports.resolvedAt), inArray(commentReports.commentId, ids)))
        .orderBy(asc(commentReports.id));
    },

    authorPage({ q, sort, page, perPage }: AdminAuthorListParams) {
      return db
        .select({
          id: authors.id,
          name: authors.name,
          email: authors.email,
          bio: authors.bio,
          userId: authors.userId,
          createdAt: authors.createdAt,
          updatedAt: authors.updatedAt,
          blogs:
            sql<number>`(SELECT COUNT(*) FROM ${blogs} WHERE ${blogs.authorId} = ${authors.id})`.mapWith(
              Number,
            ),
        })
        .from(authors)
        .where(q ? like(authors.name, containsPattern(q)) : undefined)
        .orderBy(...orderOf(sort, { id: authors.id, name: authors.name }, authors.id))
        .limit(perPage)
        .offset((page - 1) * perPage);
    },

    async authorCount(q?: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(authors)
        .where(q ? like(authors.name, containsPattern(q)) : undefined);
      return row?.n ?? 0;
    },
  };
}

export type AdminContentRepository = ReturnType<typeof createAdminContentRepository>;
