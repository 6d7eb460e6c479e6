import { PERMISSIONS, SEEDED_ROLES, LIMITS } from '@folio/schema';
import {
  index,
  int,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { createdAt, timestamps } from './columns';
import { users } from './users';

const SEED_KEYS = Object.keys(SEEDED_ROLES) as [keyof typeof SEEDED_ROLES];

/** Named sets of permissions (role_permissions) that users hold (user_roles). */
export const roles = mysqlTable(
  'roles',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    name: varchar('name', { length: LIMITS.roleName }).notNull(),
    description: varchar('description', { length: LIMITS.roleDescription }).notNull().default(''),
    /** The seeded role this is, whatever it is renamed to; null for the ones staff make. */
    seedKey: mysqlEnum('seed_key', SEED_KEYS),
    ...timestamps(),
  },
  (t) => [
    // Compared as the collation compares: "Editors" and "editors" are one name.
    uniqueIndex('roles_name_uq').on(t.name),
    uniqueIndex('roles_seed_key_uq').on(t.seedKey),
  ],
);

export const rolePermissions = mysqlTable(
  'role_permissions',
  {
    roleId: int('role_id', { unsigned: true })
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    permission: mysqlEnum('permission', PERMISSIONS).notNull(),
  },
  // "Who holds roles.manage" walks it from the permission.
  (t) => [
    primaryKey({ columns: [t.roleId, t.permission] }),
    index('role_permissions_permission_idx').on(t.permission, t.roleId),
  ],
);

export const userRoles = mysqlTable(
  'user_roles',
  {
    userId: int('user_id', { unsigned: true })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: int('role_id', { unsigned: true })
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.roleId] }),
    index('user_roles_role_idx').on(t.roleId, t.userId),
  ],
);
