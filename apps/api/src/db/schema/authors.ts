import { LIMITS } from '@folio/schema';
import { index, int, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { timestamps } from './columns';
import { users } from './users';

export const authors = mysqlTable(
  'authors',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    name: varchar('name', { length: LIMITS.authorName }).notNull(),
    /** The sample authors' contact address, for staff; a writer's account holds theirs instead. */
    email: varchar('email', { length: LIMITS.authorEmail }),
    bio: text('bio'),
    // The account that writes as this author: made on its first blog, named after its nickname.
    userId: int('user_id', { unsigned: true }).references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('authors_email_uq').on(t.email),
    uniqueIndex('authors_user_id_uq').on(t.userId),
    index('authors_name_idx').on(t.name),
  ],
);
