import { LIMITS } from '@folio/schema';
import { index, int, mysqlTable, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { timestamps } from './columns';

export const authors = mysqlTable(
  'authors',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    name: varchar('name', { length: LIMITS.authorName }).notNull(),
    email: varchar('email', { length: LIMITS.authorEmail }).notNull(),
    bio: text('bio'),
    // The account that writes as this author, once accounts exist; no foreign key until then.
    userId: int('user_id', { unsigned: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('authors_email_uq').on(t.email),
    uniqueIndex('authors_user_id_uq').on(t.userId),
    index('authors_name_idx').on(t.name),
  ],
);
