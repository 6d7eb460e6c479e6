import type { AdminBlogFilterValue, AdminCommentFilterValue } from '@folio/schema';
import { and, eq, isNotNull, isNull, like, sql, type SQL } from 'drizzle-orm';
import { blogs, commentReports, comments } from '../../db/schema';
import { containsPattern, withinDays } from '../../lib/sql';

/** The WHERE of the staff's blogs table's filters: its page, its total, bulk actions and exports. */
export function blogFilter(filter: AdminBlogFilterValue): SQL | undefined {
  const { q, status, authorId, featured, from, to } = filter;
  return and(
    status === 'trashed'
      ? isNotNull(blogs.deletedAt)
      : status
        ? and(eq(blogs.status, status), isNull(blogs.deletedAt))
        : undefined,
    authorId !== undefined ? eq(blogs.authorId, authorId) : undefined,
    featured !== undefined ? eq(blogs.featured, featured) : undefined,
    q ? like(blogs.title, containsPattern(q)) : undefined,
    withinDays(blogs.pubDate, from, to),
  );
}

/** Whether a comment has reports nobody has resolved yet. */
export const hasOpenReports = sql`EXISTS (SELECT 1 FROM ${commentReports}
  WHERE ${commentReports.resolvedAt} IS NULL AND ${commentReports.commentId} = ${comments.id})`;

/** The WHERE of the staff's comments table's filters. */
export function commentFilter(filter: AdminCommentFilterValue): SQL | undefined {
  const { q, blogId, userId, status, reported, from, to } = filter;
  return and(
    q ? like(comments.body, containsPattern(q)) : undefined,
    blogId !== undefined ? eq(comments.blogId, blogId) : undefined,
    userId !== undefined ? eq(comments.userId, userId) : undefined,
    status === 'deleted'
      ? isNotNull(comments.deletedAt)
      : status === 'visible'
        ? isNull(comments.deletedAt)
        : undefined,
    reported === true
      ? hasOpenReports
      : reported === false
        ? sql`NOT ${hasOpenReports}`
        : undefined,
    withinDays(comments.createdAt, from, to),
  );
}
