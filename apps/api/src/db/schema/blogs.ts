import { BLOG_STATES, LIMITS } from '@folio/schema';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  int,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  varchar,
} from 'drizzle-orm/mysql-core';
import { authors } from './authors';
import { timestamps, utcDatetime } from './columns';
import { uploads } from './uploads';

export const blogs = mysqlTable(
  'blogs',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    authorId: int('author_id', { unsigned: true })
      .notNull()
      .references(() => authors.id, { onDelete: 'restrict' }),
    title: varchar('title', { length: LIMITS.blogTitle }).notNull(),
    content: mediumtext('content').notNull(),
    /** `content` rendered and sanitized once per save (see modules/blogs/render.ts). */
    contentHtml: mediumtext('content_html')
      .notNull()
      .default(sql`''`),
    excerpt: varchar('excerpt', { length: LIMITS.blogExcerpt }).notNull().default(''),
    readingMinutes: int('reading_minutes', { unsigned: true }).notNull().default(1),
    status: mysqlEnum('status', BLOG_STATES).notNull().default('draft'),
    pubDate: utcDatetime('pub_date').notNull(),
    /** Views written back from Redis by the flush-blog-views job (modules/blogs/views.ts). */
    viewCount: int('view_count', { unsigned: true }).notNull().default(0),
    /** Whether readers may comment; its author closes and opens it. */
    commentsOpen: boolean('comments_open').notNull().default(true),
    /**
     * Its comments that are not deleted, kept by the comments service in the same transaction as
     * each comment's insert or delete (never counted per request).
     */
    commentCount: int('comment_count', { unsigned: true }).notNull().default(0),
    /** Picked by staff (`PUT /blogs/:id/featured`) for the home page's carousel. */
    featured: boolean('featured').notNull().default(false),
    /** Goes up by one on every save: the ETag, and what `If-Match` is checked against. */
    version: int('version', { unsigned: true }).notNull().default(1),
    ...timestamps(),
    deletedAt: utcDatetime('deleted_at'),
    /** The cover picture; an upload that goes (its owner deleted) leaves the blog without one. */
    coverUploadId: int('cover_upload_id', { unsigned: true }).references(() => uploads.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    // The public list: visible rows in publication order; (pub_date, id) makes the order total.
    index('blogs_visible_pub_idx').on(t.status, t.deletedAt, t.pubDate, t.id),
    // The same list filtered by author, and the per-author blog counts; an author's own list by state.
    index('blogs_author_visible_pub_idx').on(t.authorId, t.status, t.deletedAt, t.pubDate, t.id),
    // An author's own list of every state, and their trash.
    index('blogs_author_deleted_pub_idx').on(t.authorId, t.deletedAt, t.pubDate, t.id),
    // The featured carousel: the few visible featured blogs, newest first.
    index('blogs_featured_pub_idx').on(t.featured, t.status, t.deletedAt, t.pubDate, t.id),
    // Staff's exports of blogs in publication order, whatever their state, read a batch at a time.
    index('blogs_pub_idx').on(t.pubDate, t.id),
  ],
);
