import { BLOG_STATUSES, LIMITS } from '@folio/schema';
import { index, int, mediumtext, mysqlEnum, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { authors } from './authors';
import { timestamps, utcDatetime } from './columns';

export const blogs = mysqlTable(
  'blogs',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    authorId: int('author_id', { unsigned: true })
      .notNull()
      .references(() => authors.id, { onDelete: 'restrict' }),
    title: varchar('title', { length: LIMITS.blogTitle }).notNull(),
    content: mediumtext('content').notNull(),
    status: mysqlEnum('status', BLOG_STATUSES).notNull().default('draft'),
    pubDate: utcDatetime('pub_date').notNull(),
    viewCount: int('view_count', { unsigned: true }).notNull().default(0),
    ...timestamps(),
    deletedAt: utcDatetime('deleted_at'),
  },
  (t) => [
    // The public list: visible rows in publication order; (pub_date, id) makes the order total.
    index('blogs_visible_pub_idx').on(t.status, t.deletedAt, t.pubDate, t.id),
    // The same list filtered by author, and the per-author blog counts.
    index('blogs_author_visible_pub_idx').on(t.authorId, t.status, t.deletedAt, t.pubDate, t.id),
  ],
);
