import { PERMISSIONS } from '@folio/schema';
import type {
  CreateRole,
  Permission,
  Role,
  SeededRoleKey,
  UpdateRole,
  UserRoles,
} from '@folio/schema';
import { AppError, NotFound } from '../../lib/errors';
import { isDuplicate } from '../../lib/sql';
import type { AuditContext, AuditLog } from '../audit/service';
import type { UserRepository } from '../users/repository';
import type { RoleRepository, RoleRow, RoleWriter } from './repository';

export interface RoleServiceDeps {
  repo: RoleRepository;
  users: Pick<UserRepository, 'findById' | 'permissionsOf'>;
  audit: Pick<AuditLog, 'record'>;
}

/** Who is acting: a logged-in member of staff, and the request's context for the audit log. */
export interface Actor extends AuditContext {
  userId: number;
}

/** What the audit log keeps of a role. */
const recorded = (role: Pick<RoleRow, 'name' | 'description' | 'permissions'>) => ({
  name: role.name,
  description: role.description,
  permissions: role.permissions,
});

function toRole(row: RoleRow): Role {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    permissions: row.permissions,
    seedKey: row.seedKey,
    holders: row.holders,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The System role keeps every permission and is never deleted: the first administrator's. */
const systemFixed = () => new AppError('CONFLICT', { detail: 'systemRoleFixed' });

const notHeld = () =>
  new AppError('FORBIDDEN', {
    detail: 'permissionNotHeld',
    errors: { permissions: 'permissionNotHeld' },
  });

/**
 * The rules of roles: nobody grants a permission they do not hold (in a role, or by giving someone
 * a role), and somebody active always keeps `roles.manage`.
 */
export function createRoleService({ repo, users, audit }: RoleServiceDeps) {
  async function checkGrantable(actor: Actor, granted: Iterable<Permission>) {
    const held = new Set(await users.permissionsOf(actor.userId));
    for (const permission of granted) if (!held.has(permission)) throw notHeld();
  }

  /** A change, refused (and undone) if it leaves no active account able to manage roles. */
  function change<T>(work: (tx: RoleWriter) => Promise<T>): Promise<T> {
    return repo.change(async (tx) => {
      const result = await work(tx);
      if ((await tx.activeManagers()) === 0) {
        throw new AppError('CONFLICT', { detail: 'lastRoleManager' });
      }
      return result;
    });
  }

  async function named<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isDuplicate(err)) {
        throw new AppError('VALIDATION_FAILED', {
          errors: { name: 'roleNameTaken' },
          cause: err,
        });
      }
      throw err;
    }
  }

  async function saved(id: number): Promise<Role> {
    const row = await repo.find(id);
    if (!row) throw NotFound('roleNotFound');
    return toRole(row);
  }

  return {
    /** Active accounts that can manage roles. */
    activeManagers: () => repo.activeManagers(),

    async list(): Promise<Role[]> {
      return (await repo.list()).map(toRole);
    },

    async create(actor: Actor, body: CreateRole): Promise<Role> {
      await checkGrantable(actor, body.permissions);
      const id = await named(() => repo.change((tx) => tx.insert(body)));
      const role = await saved(id);
      await audit.record(actor, {
        action: 'role.created',
        target: { type: 'role', id },
        after: recorded(role),
      });
      return role;
    },

    async update(actor: Actor, id: number, body: UpdateRole): Promise<Role> {
      const before = await named(() =>
        change(async (tx) => {
          const current = await tx.find(id);
          if (!current) throw NotFound('roleNotFound');
          if (current.seedKey === 'system' && body.permissions) {
            if (body.permissions.length !== PERMISSIONS.length) throw systemFixed();
          }
          if (body.permissions) {
            const had = new Set(current.permissions);
            await checkGrantable(
              actor,
              body.permissions.filter((p) => !had.has(p)),
            );
          }
          await tx.update(id, body);
          return current;
        }),
      );
      const role = await saved(id);
      await audit.record(actor, {
        action: 'role.updated',
        target: { type: 'role', id },
        before: recorded(before),
        after: recorded(role),
      });
      return role;
    },

    async remove(actor: Actor, id: number): Promise<void> {
      const before = await change(async (tx) => {
        const current = await tx.find(id);
        if (!current) throw NotFound('roleNotFound');
        if (current.seedKey === 'system') throw systemFixed();
        await tx.remove(id);
        return current;
      });
      await audit.record(actor, {
        action: 'role.deleted',
        target: { type: 'role', id },
        before: { ...recorded(before), holders: before.holders },
      });
    },

    async rolesOf(userId: number): Promise<UserRoles> {
      if (!(await users.findById(userId))) throw NotFound('userNotFound');
      const [roles, permissions] = await Promise.all([
        repo.rolesOf(userId),
        users.permissionsOf(userId),
      ]);
      return { roles, permissions };
    },

    /** Makes these the user's roles; a role they gain must hold only what the actor holds. */
    async setRolesOf(actor: Actor, userId: number, roleIds: number[]): Promise<UserRoles> {
      if (!(await users.findById(userId))) throw NotFound('userNotFound');
      const before = await change(async (tx) => {
        const found = await tx.existing(roleIds);
        const missing = roleIds.filter((id) => !found.includes(id));
        if (missing.length) {
          throw new AppError('VALIDATION_FAILED', { errors: { roleIds: 'roleNotFound' } });
        }
        const current = new Set((await repo.rolesOf(userId)).map((role) => role.id));
        for (const id of roleIds.filter((roleId) => !current.has(roleId))) {
          const role = await tx.find(id);
          await checkGrantable(actor, role!.permissions);
        }
        await tx.setUserRoles(userId, roleIds);
        return [...current];
      });
      const after = await this.rolesOf(userId);
      await audit.record(actor, {
        action: 'user.roles',
        target: { type: 'user', id: userId },
        before: { roleIds: before.sort((a, b) => a - b) },
        after: { roleIds: after.roles.map((role) => role.id), permissions: after.permissions },
      });
      return after;
    },

    /** Gives a user a seeded role (the first administrator's `system`); false if it is gone. */
    async giveSeeded(userId: number, key: SeededRoleKey): Promise<boolean> {
      const id = await repo.seeded(key);
      if (id === undefined) return false;
      const current = (await repo.rolesOf(userId)).map((role) => role.id);
      if (current.includes(id)) return true;
      await repo.change((tx) => tx.setUserRoles(userId, [...current, id]));
      await audit.record(
        { actorId: null, ip: null, userAgent: null },
        {
          action: 'user.roles',
          target: { type: 'user', id: userId },
          before: { roleIds: current },
          after: { roleIds: [...current, id], seeded: key },
        },
      );
      return true;
    },
  };
}

export type RoleService = ReturnType<typeof createRoleService>;
