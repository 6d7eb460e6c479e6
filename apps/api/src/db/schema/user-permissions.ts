import { PERMISSIONS } from '@folio/schema';
import { int, mysqlEnum, mysqlTable, primaryKey } from 'drizzle-orm/mysql-core';
import { createdAt } from './columns';
import { users } from './users';

/**
 * Permissions granted to a user, one row each. Roles (sets of permissions) can grow from this;
 * until the admin section exists, grants are made in the database.
 */
export const userPermissions = mysqlTable(
  'user_permissions',
  {
    userId: int('user_id', { unsigned: true })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    permission: mysqlEnum('permission', PERMISSIONS).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.permission] })],
);
