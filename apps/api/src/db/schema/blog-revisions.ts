import { int, json, mediumtext, mysqlTable, index, varchar } from 'drizzle-orm/mysql-core';
import { LIMITS } from '@folio/schema';
import { blogs } from './blogs';
import { createdAt } from './columns';
import { users } from './users';

/** The version of a published blog that a save replaced; the latest ones are kept per blog. */
export const blogRevisions = mysqlTable(
  'blog_revisions',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    blogId: int('blog_id', { unsigned: true })
      .notNull()
      .references(() => blogs.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: LIMITS.blogTitle }).notNull(),
    excerpt: varchar('excerpt', { length: LIMITS.blogExcerpt }).notNull(),
    content: mediumtext('content').notNull(),
    /** Tag names, as they were. */
    tags: json('tags').$type<string[]>().notNull(),
    /** Who saved over it. */
    editorId: int('editor_id', { unsigned: true }).references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: createdAt(),
  },
  (t) => [index('blog_revisions_blog_idx').on(t.blogId, t.id)],
);
