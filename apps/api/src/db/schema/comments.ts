import { index, int, mysqlTable, smallint, text } from 'drizzle-orm/mysql-core';
import { blogs } from './blogs';
import { createdAt, utcDatetime } from './columns';
import { users } from './users';

/**
 * Comments on blogs, as trees. `root_id` (the top-level comment, null on one) and `depth` let a
 * page of top-level comments fetch its nested replies in one indexed read; `branch_id` (the
 * ancestor at the last nested level, COMMENT_NESTING, for deeper ones) their flattened rest.
 * Parents are not foreign keys: InnoDB cascades no deeper than 15 levels, and the service
 * deletes a leaf (and the tombstones it leaves without replies) itself.
 */
export const comments = mysqlTable(
  'comments',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    blogId: int('blog_id', { unsigned: true })
      .notNull()
      .references(() => blogs.id, { onDelete: 'cascade' }),
    parentId: int('parent_id', { unsigned: true }),
    rootId: int('root_id', { unsigned: true }),
    branchId: int('branch_id', { unsigned: true }),
    depth: smallint('depth', { unsigned: true }).notNull().default(0),
    userId: int('user_id', { unsigned: true })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Plain text as written; emptied when the comment becomes a tombstone. */
    body: text('body').notNull(),
    createdAt: createdAt(),
    editedAt: utcDatetime('edited_at'),
    /** Set when deleted while it had replies: a tombstone that keeps their place. */
    deletedAt: utcDatetime('deleted_at'),
  },
  // Lists are in id order: ids follow insertion, so it is the order of `created_at`.
  (t) => [
    // A blog's top-level comments in either order (parent_id IS NULL is a ref on this index).
    index('comments_blog_parent_idx').on(t.blogId, t.parentId, t.id),
    // The replies of a page's top-level comments, down to the last nested level.
    index('comments_root_depth_idx').on(t.rootId, t.depth, t.id),
    // What lies below a comment of the last nested level, oldest first, and its count.
    index('comments_branch_idx').on(t.branchId, t.id),
    // A comment's direct replies (and whether a deleted one still has any).
    index('comments_parent_idx').on(t.parentId, t.id),
    // The writer's previous comment (the duplicate check).
    index('comments_user_idx').on(t.userId, t.id),
    // The admin dashboard's comments per day.
    index('comments_created_idx').on(t.createdAt),
  ],
);
