import { PERMISSIONS, type Permission, type SeededRoleKey } from '@folio/schema';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { rolePermissions, roles, userRoles, users } from '../../db/schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Runner = Db | Tx;

export interface RoleRow {
  id: number;
  name: string;
  description: string;
  seedKey: SeededRoleKey | null;
  permissions: Permission[];
  holders: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface RoleValues {
  name?: string;
  description?: string;
  permissions?: Permission[];
}

/** In PERMISSIONS' order, so every answer lists them alike. */
const ordered = (list: Iterable<Permission>) => {
  const set = new Set(list);
  return PERMISSIONS.filter((p) => set.has(p));
};

async function rolesWhere(runner: Runner, ids?: number[]): Promise<RoleRow[]> {
  const rows = await runner
    .select({
      id: roles.id,
      name: roles.name,
      description: roles.description,
      seedKey: roles.seedKey,
      createdAt: roles.createdAt,
      updatedAt: roles.updatedAt,
    })
    .from(roles)
    .where(ids ? inArray(roles.id, ids) : undefined)
    .orderBy(asc(roles.id));
  if (!rows.length) return [];
  const roleIds = rows.map((row) => row.id);
  const [granted, held] = await Promise.all([
    runner
      .select({ roleId: rolePermissions.roleId, permission: rolePermissions.permission })
      .from(rolePermissions)
      .where(inArray(rolePermissions.roleId, roleIds)),
    runner
      .select({ roleId: userRoles.roleId, n: count() })
      .from(userRoles)
      .innerJoin(users, and(eq(users.id, userRoles.userId), isNull(users.deletedAt)))
      .where(inArray(userRoles.roleId, roleIds))
      .groupBy(userRoles.roleId),
  ]);
  return rows.map((row) => ({
    ...row,
    permissions: ordered(granted.filter((g) => g.roleId === row.id).map((g) => g.permission)),
    holders: held.find((h) => h.roleId === row.id)?.n ?? 0,
  }));
}

/** Active accounts (not locked, pending or deleted) whose roles hold `roles.manage`. */
async function activeManagers(runner: Runner): Promise<number> {
  const [row] = await runner
    .select({ n: sql<number>`COUNT(DISTINCT ${userRoles.userId})` })
    .from(rolePermissions)
    .innerJoin(userRoles, eq(userRoles.roleId, rolePermissions.roleId))
    .innerJoin(
      users,
      and(eq(users.id, userRoles.userId), eq(users.status, 'active'), isNull(users.deletedAt)),
    )
    .where(eq(rolePermissions.permission, 'roles.manage'));
  return Number(row?.n ?? 0);
}

/** Roles, what they hold and who holds them. Every write runs in `change`, one at a time. */
export function createRoleRepository(db: Db) {
  /** The repository's writes, on one transaction. */
  function writer(tx: Tx) {
    return {
      find: async (id: number) => (await rolesWhere(tx, [id]))[0],

      async insert(values: Required<RoleValues>): Promise<number> {
        const [result] = await tx
          .insert(roles)
          .values({ name: values.name, description: values.description });
        const id = result.insertId;
        await this.grant(id, values.permissions);
        return id;
      },

      async update(id: number, values: RoleValues): Promise<void> {
        const { permissions, ...columns } = values;
        // updated_at moves whatever changed, permissions included.
        await tx
          .update(roles)
          .set({ ...columns, updatedAt: sql`CURRENT_TIMESTAMP(3)` })
          .where(eq(roles.id, id));
        if (permissions) {
          await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, id));
          await this.grant(id, permissions);
        }
      },

      async grant(roleId: number, permissions: Permission[]): Promise<void> {
        if (!permissions.length) return;
        await tx
          .insert(rolePermissions)
          .values(permissions.map((permission) => ({ roleId, permission })));
      },

      async remove(id: number): Promise<void> {
        await tx.delete(roles).where(eq(roles.id, id));
      },

      /** Makes these the user's roles, all of them. */
      async setUserRoles(userId: number, roleIds: number[]): Promise<void> {
        await tx.delete(userRoles).where(eq(userRoles.userId, userId));
        if (roleIds.length) {
          await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId, roleId })));
        }
      },

      /** The ids of these roles that exist. */
      async existing(ids: number[]): Promise<number[]> {
        if (!ids.length) return [];
        const rows = await tx.select({ id: roles.id }).from(roles).where(inArray(roles.id, ids));
        return rows.map((row) => row.id);
      },

      activeManagers: () => activeManagers(tx),
    };
  }

  return {
    list: () => rolesWhere(db),
    activeManagers: () => activeManagers(db),
    find: async (id: number): Promise<RoleRow | undefined> => (await rolesWhere(db, [id]))[0],

    /** A user's roles, by id and name. */
    async rolesOf(userId: number): Promise<{ id: number; name: string }[]> {
      return db
        .select({ id: roles.id, name: roles.name })
        .from(userRoles)
        .innerJoin(roles, eq(roles.id, userRoles.roleId))
        .where(eq(userRoles.userId, userId))
        .orderBy(asc(roles.id));
    },

    /** The seeded role's id, whatever it is called now (undefined once staff deleted it). */
    async seeded(key: SeededRoleKey): Promise<number | undefined> {
      const [row] = await db.select({ id: roles.id }).from(roles).where(eq(roles.seedKey, key));
      return row?.id;
    },

    /**
     * Runs a change of roles or of who holds them in one transaction. Changes run one at a time
     * (every one first locks all roles' rows), so the checks a change makes before it commits,
     * such as someone still managing roles, are not undone by another committing beside it.
     */
    change<T>(work: (tx: ReturnType<typeof writer>) => Promise<T>): Promise<T> {
      return db.transaction(async (tx) => {
        await tx.select({ id: roles.id }).from(roles).for('update');
        return work(writer(tx));
      });
    },
  };
}

export type RoleRepository = ReturnType<typeof createRoleRepository>;
export type RoleWriter = Parameters<Parameters<RoleRepository['change']>[0]>[0];
