import { LIMITS } from '@folio/schema';
import {
  boolean,
  index,
  int,
  mysqlTable,
  primaryKey,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { blogs } from './blogs';
import { createdAt, utcDatetime } from './columns';

/** Each tag once: the name's unique index (case-insensitive collation) matches "Rust" to "rust". */
export const tags = mysqlTable(
  'tags',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    name: varchar('name', { length: LIMITS.tagName }).notNull(),
    /** For URLs: lower case, punctuation dropped, other scripts' letters kept. */
    slug: varchar('slug', { length: 64 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_name_uq').on(t.name), uniqueIndex('tags_slug_uq').on(t.slug)],
);

export const blogTags = mysqlTable(
  'blog_tags',
  {
    blogId: int('blog_id', { unsigned: true })
      .notNull()
      .references(() => blogs.id, { onDelete: 'cascade' }),
    tagId: int('tag_id', { unsigned: true })
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    /** Where the author put it among the blog's tags. */
    position: int('position', { unsigned: true }).notNull().default(0),
    /**
     * Copies of the blog's place in the public lists (whether it is visible, and its pub_date),
     * so a tag's list is one range of blog_tags_listing_idx. Written only by modules/blogs
     * (`linkTags`, `relistTags`), in the same statement or transaction as the blog's own change.
     */
    visible: boolean('visible').notNull(),
    pubDate: utcDatetime('pub_date').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.blogId, t.tagId] }),
    // A tag's visible blogs in list order (the tag filter, its totals and the per-tag counts).
    index('blog_tags_listing_idx').on(t.tagId, t.visible, t.pubDate, t.blogId),
  ],
);
