import type { CommentNotice, Notification } from '@folio/schema';
import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/mysql-core';
import type { Db } from '../../db/connection';
import { blogs, notifications, users } from '../../db/schema';

/** A stored notification as a person sees it, with whom it is for. */
export type NotificationRow = Notification & { userId: number };

const actors = alias(users, 'actor');

/** The columns every read of notifications shows: the row, its actor's nickname, its blog's title. */
function selectShown(db: Db) {
  return db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      type: notifications.type,
      actorId: notifications.actorId,
      actorNickname: actors.nickname,
      blogId: notifications.blogId,
      blogTitle: blogs.title,
      commentId: notifications.commentId,
      excerpt: notifications.excerpt,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .innerJoin(actors, eq(actors.id, notifications.actorId))
    .innerJoin(blogs, eq(blogs.id, notifications.blogId));
}

interface ShownRow {
  id: number;
  userId: number;
  type: NotificationRow['type'];
  actorId: number;
  actorNickname: string;
  blogId: number;
  blogTitle: string;
  commentId: number;
  excerpt: string;
  readAt: Date | null;
  createdAt: Date;
}

const shown = (row: ShownRow): NotificationRow => ({
  id: row.id,
  userId: row.userId,
  type: row.type,
  actor: { id: row.actorId, nickname: row.actorNickname },
  blog: { id: row.blogId, title: row.blogTitle },
  commentId: row.commentId,
  excerpt: row.excerpt,
  read: row.readAt !== null,
  createdAt: row.createdAt.toISOString(),
});

export function createNotificationRepository(db: Db) {
  return {
    /** Stores the notices in one statement; their new ids, in the order given. */
    async insertMany(notices: CommentNotice[]): Promise<number[]> {
      const values = notices.map(
        (n) =>
          sql`(${n.userId}, ${n.type}, ${n.actorUserId}, ${n.blogId}, ${n.commentId}, ${n.excerpt})`,
      );
      // MariaDB's RETURNING gives each row's id, whatever the auto-increment lock mode.
      const [rows] = (await db.execute(
        sql`insert into ${notifications} (user_id, type, actor_id, blog_id, comment_id, excerpt) values ${sql.join(values, sql`, `)} returning id`,
      )) as unknown as [{ id: number }[]];
      return rows.map((r) => Number(r.id));
    },

    async byIds(ids: number[]): Promise<NotificationRow[]> {
      if (ids.length === 0) return [];
      const rows = await selectShown(db)
        .where(inArray(notifications.id, ids))
        .orderBy(asc(notifications.id));
      return rows.map(shown);
    },

    async page(userId: number, page: number, perPage: number): Promise<NotificationRow[]> {
      const rows = await selectShown(db)
        .where(eq(notifications.userId, userId))
        .orderBy(desc(notifications.id))
        .limit(perPage)
        .offset((page - 1) * perPage);
      return rows.map(shown);
    },

    /** A person's notifications after `afterId`, oldest first: what a reconnecting stream missed. */
    async after(userId: number, afterId: number, limit: number): Promise<NotificationRow[]> {
      const rows = await selectShown(db)
        .where(and(eq(notifications.userId, userId), gt(notifications.id, afterId)))
        .orderBy(asc(notifications.id))
        .limit(limit);
      return rows.map(shown);
    },

    async total(userId: number): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(eq(notifications.userId, userId));
      return row?.n ?? 0;
    },

    async unread(userId: number): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return row?.n ?? 0;
    },

    /** Marks one of the person's own notifications read; false when they have no such one. */
    async markRead(userId: number, id: number): Promise<boolean> {
      const mine = and(eq(notifications.id, id), eq(notifications.userId, userId));
      await db
        .update(notifications)
        .set({ readAt: sql`CURRENT_TIMESTAMP(3)` })
        .where(and(mine, isNull(notifications.readAt)));
      const [row] = await db.select({ id: notifications.id }).from(notifications).where(mine);
      return row !== undefined;
    },

    /** Marks all of a person's unread notifications read; how many it marked. */
    async markAllRead(userId: number): Promise<number> {
      const [result] = await db
        .update(notifications)
        .set({ readAt: sql`CURRENT_TIMESTAMP(3)` })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return result.affectedRows;
    },

    async remove(userId: number, id: number): Promise<boolean> {
      const [result] = await db
        .delete(notifications)
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
      return result.affectedRows === 1;
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
