import { LIMITS } from '@folio/schema';
import { sql } from 'drizzle-orm';
import {
  datetime,
  index,
  int,
  mysqlTable,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';

export const authors = mysqlTable(
  'authors',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    name: varchar('name', { length: LIMITS.authorName }).notNull(),
    email: varchar('email', { length: LIMITS.authorEmail }).notNull(),
    bio: text('bio'),
    // The account that writes as this author, once accounts exist; no foreign key until then.
    userId: int('user_id', { unsigned: true }),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 })
      .notNull()
      .default(sql`CURRENT_TIMESTAMP(3)`),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 })
      .notNull()
      .default(sql`CURRENT_TIMESTAMP(3)`)
      .$onUpdate(() => sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [
    uniqueIndex('authors_email_uq').on(t.email),
    uniqueIndex('authors_user_id_uq').on(t.userId),
    index('authors_name_idx').on(t.name),
  ],
);
