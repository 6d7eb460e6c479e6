import { index, int, mysqlTable, primaryKey, varchar } from 'drizzle-orm/mysql-core';
import { uploads } from './uploads';

/**
 * Who uses an upload (a blog's cover, an image in its text, ...): an upload with no row here and
 * older than a day is purged.
 */
export const uploadReferences = mysqlTable(
  'upload_references',
  {
    uploadId: int('upload_id', { unsigned: true })
      .notNull()
      .references(() => uploads.id, { onDelete: 'cascade' }),
    /** What kind of thing refers to it, e.g. `blog`. */
    ownerKind: varchar('owner_kind', { length: 32 }).notNull(),
    ownerId: int('owner_id', { unsigned: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.uploadId, t.ownerKind, t.ownerId] }),
    index('upload_references_owner_idx').on(t.ownerKind, t.ownerId),
  ],
);
