import { COMMENT_NESTING, type CommentSort, type ReportComment } from '@folio/schema';
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import type { Db } from '../../db/connection';
import { authors, blogs, commentReports, comments, users } from '../../db/schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * A blog the public sees: published and not in the trash (the blogs module's `visibleBlog`, said
 * again here because the comments module reads blogs without importing that module).
 */
const visible = and(eq(blogs.status, 'published'), isNull(blogs.deletedAt))!;

const commentColumns = {
  id: comments.id,
  blogId: comments.blogId,
  parentId: comments.parentId,
  depth: comments.depth,
  userId: comments.userId,
  nickname: users.nickname,
  avatar: users.avatar,
  body: comments.body,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  deletedAt: comments.deletedAt,
};

export interface CommentRow {
  id: number;
  blogId: number;
  parentId: number | null;
  depth: number;
  userId: number;
  nickname: string;
  avatar: string | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

export interface ReplyRow extends CommentRow {
  replyToUserId: number | null;
  replyToNickname: string | null;
  replyToDeleted: Date | null;
}

/** The blog a comment is written on, as a write checks it. */
export interface CommentedBlog {
  id: number;
  commentsOpen: boolean;
  /** The account its author writes as, if any. */
  ownerUserId: number | null;
}

/** A comment as a write finds it, with its blog. */
export interface LockedComment {
  id: number;
  blogId: number;
  parentId: number | null;
  rootId: number | null;
  branchId: number | null;
  depth: number;
  userId: number;
  body: string;
  createdAt: Date;
  deletedAt: Date | null;
}

const lockedColumns = {
  id: comments.id,
  blogId: comments.blogId,
  parentId: comments.parentId,
  rootId: comments.rootId,
  branchId: comments.branchId,
  depth: comments.depth,
  userId: comments.userId,
  body: comments.body,
  createdAt: comments.createdAt,
  deletedAt: comments.deletedAt,
};

/** What a new comment's checks see, all read in its transaction. */
export interface NewCommentContext {
  /** None when the blog is not (or no longer) visible. */
  blog: CommentedBlog | undefined;
  /** The comment it answers (the blog's lock keeps deletions out until the insert commits). */
  parent: LockedComment | undefined;
  /** The writer's own latest comment's text, if any. */
  previousBody: string | undefined;
}

/** Moves a blog's comment count; a raw statement, so the blog's `updated_at` stays. */
async function moveCount(tx: Tx, blogId: number, by: 1 | -1) {
  await tx.execute(
    by > 0
      ? sql`update ${blogs} set ${sql.identifier(blogs.commentCount.name)} = ${sql.identifier(blogs.commentCount.name)} + 1 where ${blogs.id} = ${blogId}`
      : sql`update ${blogs} set ${sql.identifier(blogs.commentCount.name)} = ${sql.identifier(blogs.commentCount.name)} - 1 where ${blogs.id} = ${blogId} and ${sql.identifier(blogs.commentCount.name)} > 0`,
  );
}

async function hasReplies(tx: Tx, id: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: comments.id })
    .from(comments)
    .where(eq(comments.parentId, id))
    .limit(1);
  return Boolean(row);
}

const parentComments = alias(comments, 'parent');
const parentUsers = alias(users, 'parent_user');

export function createCommentRepository(db: Db) {
  function lockBlog(tx: Tx, blogId: number) {
    return tx
      .select({ id: blogs.id, commentsOpen: blogs.commentsOpen, ownerUserId: authors.userId })
      .from(blogs)
      .innerJoin(authors, eq(authors.id, blogs.authorId))
      .where(and(eq(blogs.id, blogId), visible))
      .for('update');
  }

  return {
    /** A visible blog, as comments see it. */
    async blog(blogId: number): Promise<CommentedBlog | undefined> {
      const [row] = await db
        .select({ id: blogs.id, commentsOpen: blogs.commentsOpen, ownerUserId: authors.userId })
        .from(blogs)
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .where(and(eq(blogs.id, blogId), visible))
        .limit(1);
      return row;
    },

    /** The query `topPage` runs (for EXPLAIN): a page of a blog's top-level comments. */
    topPageQuery(blogId: number, sort: CommentSort, limit: number, offset: number) {
      const order = sort === 'createdAt' ? asc : desc;
      return db
        .select(commentColumns)
        .from(comments)
        .innerJoin(users, eq(users.id, comments.userId))
        .where(and(eq(comments.blogId, blogId), isNull(comments.parentId)))
        .orderBy(order(comments.id))
        .limit(limit)
        .offset(offset);
    },

    topPage(blogId: number, sort: CommentSort, limit: number, offset: number) {
      return this.topPageQuery(blogId, sort, limit, offset) as Promise<CommentRow[]>;
    },

    /** The query `topCount` runs (for EXPLAIN). */
    topCountQuery(blogId: number) {
      return db
        .select({ n: count() })
        .from(comments)
        .where(and(eq(comments.blogId, blogId), isNull(comments.parentId)));
    },

    async topCount(blogId: number): Promise<number> {
      const [row] = await this.topCountQuery(blogId);
      return row?.n ?? 0;
    },

    /** The query `nested` runs (for EXPLAIN): the replies of these top-level comments. */
    nestedQuery(rootIds: number[]) {
      return db
        .select(commentColumns)
        .from(comments)
        .innerJoin(users, eq(users.id, comments.userId))
        .where(and(inArray(comments.rootId, rootIds), lte(comments.depth, COMMENT_NESTING)))
        .orderBy(asc(comments.id));
    },

    /** Every reply of these top-level comments down to the last nested level, oldest first. */
    async nested(rootIds: number[]): Promise<CommentRow[]> {
      if (!rootIds.length) return [];
      return this.nestedQuery(rootIds) as Promise<CommentRow[]>;
    },

    /** The query `branchCounts` runs (for EXPLAIN). */
    branchCountsQuery(headIds: number[]) {
      return db
        .select({ id: comments.branchId, n: count() })
        .from(comments)
        .where(inArray(comments.branchId, headIds))
        .groupBy(comments.branchId);
    },

    /** How many replies lie below each of these last-level comments. */
    async branchCounts(headIds: number[]): Promise<Map<number, number>> {
      const counts = new Map<number, number>();
      if (!headIds.length) return counts;
      for (const { id, n } of await this.branchCountsQuery(headIds)) counts.set(id!, n);
      return counts;
    },

    /**
     * The query `replyPage` runs (for EXPLAIN): below a comment, after a cursor (an id), oldest
     * first; `whole` for its whole branch (a last-level comment), else its direct replies.
     */
    replyPageQuery(id: number, whole: boolean, afterId: number, limit: number) {
      return db
        .select({
          ...commentColumns,
          replyToUserId: parentComments.userId,
          replyToNickname: parentUsers.nickname,
          replyToDeleted: parentComments.deletedAt,
        })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.userId))
        .innerJoin(parentComments, eq(parentComments.id, comments.parentId))
        .innerJoin(parentUsers, eq(parentUsers.id, parentComments.userId))
        .where(and(eq(whole ? comments.branchId : comments.parentId, id), gt(comments.id, afterId)))
        .orderBy(asc(comments.id))
        .limit(limit);
    },

    replyPage(id: number, whole: boolean, afterId: number, limit: number) {
      return this.replyPageQuery(id, whole, afterId, limit) as Promise<ReplyRow[]>;
    },

    /** One comment with its writer, as lists show it. */
    async findShown(id: number): Promise<CommentRow | undefined> {
      const [row] = await db
        .select(commentColumns)
        .from(comments)
        .innerJoin(users, eq(users.id, comments.userId))
        .where(eq(comments.id, id))
        .limit(1);
      return row;
    },

    /** A comment on a visible blog, with that blog. */
    async find(id: number): Promise<{ comment: LockedComment; blog: CommentedBlog } | undefined> {
      const [row] = await db
        .select({
          comment: lockedColumns,
          blog: { id: blogs.id, commentsOpen: blogs.commentsOpen, ownerUserId: authors.userId },
        })
        .from(comments)
        .innerJoin(blogs, and(eq(blogs.id, comments.blogId), visible))
        .innerJoin(authors, eq(authors.id, blogs.authorId))
        .where(eq(comments.id, id))
        .limit(1);
      return row;
    },

    /** These comments' blogs, whatever the blog's state (for moderation), if not yet deleted. */
    async blogsOf(ids: number[]): Promise<{ id: number; blogId: number }[]> {
      if (!ids.length) return [];
      return db
        .select({ id: comments.id, blogId: comments.blogId })
        .from(comments)
        .where(and(inArray(comments.id, ids), isNull(comments.deletedAt)))
        .orderBy(asc(comments.id));
    },

    /**
     * A reader's report of a comment: one per reader and comment; reporting again replaces the
     * reason and note and opens it again if staff had resolved it.
     */
    async report(commentId: number, reporterId: number, { reason, note }: ReportComment) {
      await db
        .insert(commentReports)
        .values({ commentId, reporterId, reason, note })
        .onDuplicateKeyUpdate({
          set: {
            reason,
            note,
            createdAt: sql`CURRENT_TIMESTAMP(3)`,
            resolvedAt: null,
            resolvedBy: null,
          },
        });
    },

    /** Resolves the open reports of these comments; says how many comments had some. */
    async resolveReports(commentIds: number[], byUserId: number): Promise<number[]> {
      if (!commentIds.length) return [];
      const open = await db
        .selectDistinct({ id: commentReports.commentId })
        .from(commentReports)
        .where(
          and(isNull(commentReports.resolvedAt), inArray(commentReports.commentId, commentIds)),
        );
      if (!open.length) return [];
      const ids = open.map((row) => row.id);
      await db
        .update(commentReports)
        .set({ resolvedAt: sql`CURRENT_TIMESTAMP(3)`, resolvedBy: byUserId })
        .where(and(isNull(commentReports.resolvedAt), inArray(commentReports.commentId, ids)));
      return ids;
    },

    /** Users with these nicknames (compared as the collation compares: case-insensitively). */
    async activeUsersNamed(nicknames: string[]): Promise<{ id: number; nickname: string }[]> {
      if (!nicknames.length) return [];
      return db
        .select({ id: users.id, nickname: users.nickname })
        .from(users)
        .where(
          and(
            inArray(users.nickname, nicknames),
            eq(users.status, 'active'),
            isNull(users.deletedAt),
          ),
        )
        .orderBy(asc(users.id));
    },

    /**
     * Writes a comment in one transaction with its blog's row locked (inserts and deletes of the
     * blog's comments take that lock first, so its parent cannot go meanwhile): `check` sees the
     * blog, the parent and the writer's previous text, and throws to refuse. The blog's count
     * goes up in the same transaction. Returns the new comment's id.
     */
    async insert(
      values: { blogId: number; userId: number; body: string; parentId: number | null },
      check: (context: NewCommentContext) => void,
    ): Promise<{ id: number; blog: CommentedBlog; parent: LockedComment | undefined }> {
      return db.transaction(async (tx) => {
        const [blog] = await lockBlog(tx, values.blogId);
        const parent =
          values.parentId === null
            ? undefined
            : (
                await tx
                  .select(lockedColumns)
                  .from(comments)
                  .where(eq(comments.id, values.parentId))
              )[0];
        const [previous] = await tx
          .select({ body: comments.body })
          .from(comments)
          .where(eq(comments.userId, values.userId))
          .orderBy(desc(comments.id))
          .limit(1);
        check({ blog, parent, previousBody: previous?.body });
        if (!blog) throw new Error('check must refuse a missing blog');
        const depth = parent ? parent.depth + 1 : 0;
        const [result] = await tx.insert(comments).values({
          blogId: values.blogId,
          userId: values.userId,
          body: values.body,
          parentId: parent?.id ?? null,
          rootId: parent ? (parent.rootId ?? parent.id) : null,
          depth,
          // Below the last nested level every reply belongs to its ancestor at that level.
          branchId:
            depth <= COMMENT_NESTING
              ? null
              : parent!.depth === COMMENT_NESTING
                ? parent!.id
                : parent!.branchId,
        });
        await moveCount(tx, values.blogId, 1);
        return { id: result.insertId, blog, parent };
      });
    },

    /**
     * Changes a comment's text in one transaction with it locked; `check` sees it as it is now
     * and throws to refuse.
     */
    async edit(id: number, body: string, check: (current: LockedComment) => void): Promise<void> {
      await db.transaction(async (tx) => {
        const [current] = await tx
          .select(lockedColumns)
          .from(comments)
          .where(eq(comments.id, id))
          .for('update');
        if (!current) throw new Error(`comment ${id} vanished`);
        check(current);
        await tx
          .update(comments)
          .set({ body, editedAt: sql`CURRENT_TIMESTAMP(3)` })
          .where(eq(comments.id, id));
      });
    },

    /**
     * Deletes a comment in one transaction, its blog's row locked first: one with replies stays
     * as a tombstone (its text emptied); one without goes, and so does each tombstone above it
     * that it leaves without replies. The blog's count loses the comment. Says whether it went
     * (false: it became a tombstone).
     */
    async remove(blogId: number, id: number): Promise<boolean> {
      return db.transaction(async (tx) => {
        await lockBlog(tx, blogId);
        const [current] = await tx
          .select(lockedColumns)
          .from(comments)
          .where(eq(comments.id, id))
          .for('update');
        if (!current || current.deletedAt) return false;
        await moveCount(tx, blogId, -1);
        if (await hasReplies(tx, id)) {
          await tx
            .update(comments)
            .set({ body: '', deletedAt: sql`CURRENT_TIMESTAMP(3)` })
            .where(eq(comments.id, id));
          return false;
        }
        await tx.delete(comments).where(eq(comments.id, id));
        for (let parentId = current.parentId; parentId !== null;) {
          const [parent] = await tx
            .select({ parentId: comments.parentId, deletedAt: comments.deletedAt })
            .from(comments)
            .where(eq(comments.id, parentId))
            .for('update');
          if (!parent?.deletedAt || (await hasReplies(tx, parentId))) break;
          await tx.delete(comments).where(eq(comments.id, parentId));
          parentId = parent.parentId;
        }
        return true;
      });
    },
  };
}

export type CommentRepository = ReturnType<typeof createCommentRepository>;
