import { LIMITS } from '@folio/schema';
import { index, int, mysqlTable, primaryKey, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { blogs } from './blogs';
import { createdAt } from './columns';

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
  },
  (t) => [
    primaryKey({ columns: [t.blogId, t.tagId] }),
    // A tag's blogs (the tag filter and the per-tag counts).
    index('blog_tags_tag_idx').on(t.tagId, t.blogId),
  ],
);
