import { LIMITS, NOTIFICATION_TYPES } from '@folio/schema';
import { index, int, mysqlEnum, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { blogs } from './blogs';
import { createdAt, utcDatetime } from './columns';
import { users } from './users';

/** What a person is told about comments: on their blog, replying to them, mentioning them. */
export const notifications = mysqlTable(
  'notifications',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    /** Who is told. */
    userId: int('user_id', { unsigned: true })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: mysqlEnum('type', NOTIFICATION_TYPES).notNull(),
    /** Who wrote the comment. */
    actorId: int('actor_id', { unsigned: true })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blogId: int('blog_id', { unsigned: true })
      .notNull()
      .references(() => blogs.id, { onDelete: 'cascade' }),
    commentId: int('comment_id', { unsigned: true }).notNull(),
    excerpt: varchar('excerpt', { length: LIMITS.notificationExcerpt }).notNull(),
    readAt: utcDatetime('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // A person's list newest first (by id, which follows creation), and the replay after an id.
    index('notifications_user_id_idx').on(t.userId, t.id),
    // The unread count.
    index('notifications_user_read_idx').on(t.userId, t.readAt),
  ],
);
