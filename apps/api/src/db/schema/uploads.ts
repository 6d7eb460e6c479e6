import { index, int, mysqlTable, varchar } from 'drizzle-orm/mysql-core';
import { createdAt } from './columns';
import { users } from './users';

/**
 * One uploaded image (POST /uploads): its sizes are stored under `storage_key/<width>.webp`, the
 * widths following from `width` (see modules/uploads/image.ts).
 */
export const uploads = mysqlTable(
  'uploads',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    userId: int('user_id', { unsigned: true })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The storage prefix of its files, `images/<random>`. */
    storageKey: varchar('storage_key', { length: 64 }).notNull().unique('uploads_storage_key_uq'),
    /** Of the largest stored size, upright. */
    width: int('width', { unsigned: true }).notNull(),
    height: int('height', { unsigned: true }).notNull(),
    /** Stored bytes of all sizes together: what counts against the quota. */
    bytes: int('bytes', { unsigned: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // The quota sums a user's bytes; the purge looks for old ones.
    index('uploads_user_idx').on(t.userId),
    index('uploads_created_idx').on(t.createdAt),
  ],
);
