import { PERMISSIONS, type IdentityKind, type Permission, type UpdateMe } from '@folio/schema';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { rolePermissions, userIdentities, userRoles, users } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { isDuplicate } from '../../lib/sql';

export type UserRow = typeof users.$inferSelect;
export type IdentityRow = typeof userIdentities.$inferSelect;

export interface NewIdentity {
  kind: IdentityKind;
  provider: string;
  subject: string;
  label?: string | null;
  verifiedAt?: Date | null;
}

/** Users and their login identities; a deleted user is never found. */
export function createUserRepository(db: Db) {
  // Every authenticated request asks one of these: their SQL is built once, not per request.
  const byId = db
    .select()
    .from(users)
    .where(and(eq(users.id, sql.placeholder('id')), isNull(users.deletedAt)))
    .limit(1)
    .prepare();
  // Written out with table names: drizzle leaves them off a query of one table.
  const holding = db
    .select({
      user: users,
      holds: sql<number>`EXISTS (SELECT 1 FROM user_roles ur INNER JOIN role_permissions rp
        ON rp.role_id = ur.role_id AND rp.permission = ${sql.placeholder('permission')}
        WHERE ur.user_id = users.id)`,
    })
    .from(users)
    .where(and(eq(users.id, sql.placeholder('id')), isNull(users.deletedAt)))
    .limit(1)
    .prepare();
  const permitted = db
    .select({ roleId: userRoles.roleId })
    .from(userRoles)
    .innerJoin(
      rolePermissions,
      and(
        eq(rolePermissions.roleId, userRoles.roleId),
        eq(rolePermissions.permission, sql.placeholder('permission')),
      ),
    )
    .where(eq(userRoles.userId, sql.placeholder('userId')))
    .limit(1)
    .prepare();
  return {
    async findById(id: number): Promise<UserRow | undefined> {
      const [row] = await byId.execute({ id });
      return row;
    },

    /** The user an email, phone or provider subject logs in as. */
    async findByIdentity(
      provider: string,
      subject: string,
    ): Promise<{ user: UserRow; identity: IdentityRow } | undefined> {
      const [row] = await db
        .select({ user: users, identity: userIdentities })
        .from(userIdentities)
        .innerJoin(users, eq(users.id, userIdentities.userId))
        .where(
          and(
            eq(userIdentities.provider, provider),
            eq(userIdentities.subject, subject),
            isNull(users.deletedAt),
          ),
        )
        .limit(1);
      return row;
    },

    identities(userId: number): Promise<IdentityRow[]> {
      return db
        .select()
        .from(userIdentities)
        .where(eq(userIdentities.userId, userId))
        .orderBy(asc(userIdentities.id));
    },

    /** Creates a user with its first identity; IDENTITY_TAKEN when that identity belongs to someone. */
    async create(
      fields: Pick<
        typeof users.$inferInsert,
        'nickname' | 'passwordHash' | 'status' | 'locale' | 'registrationIp'
      >,
      identity: NewIdentity,
    ): Promise<UserRow> {
      try {
        return await db.transaction(async (tx) => {
          const [created] = await tx.insert(users).values(fields);
          await tx.insert(userIdentities).values({ ...identity, userId: created.insertId });
          const [row] = await tx.select().from(users).where(eq(users.id, created.insertId));
          return row!;
        });
      } catch (err) {
        if (isDuplicate(err)) throw new AppError('IDENTITY_TAKEN', { cause: err });
        throw err;
      }
    },

    async addIdentity(userId: number, identity: NewIdentity): Promise<void> {
      try {
        await db.insert(userIdentities).values({ ...identity, userId });
      } catch (err) {
        if (isDuplicate(err)) throw new AppError('IDENTITY_TAKEN', { cause: err });
        throw err;
      }
    },

    /** Replaces the user's identity of a kind (their email or phone) with a new subject. */
    async replaceIdentity(userId: number, identity: NewIdentity): Promise<void> {
      try {
        await db.transaction(async (tx) => {
          await tx
            .delete(userIdentities)
            .where(
              and(
                eq(userIdentities.userId, userId),
                eq(userIdentities.provider, identity.provider),
              ),
            );
          await tx.insert(userIdentities).values({ ...identity, userId });
        });
      } catch (err) {
        if (isDuplicate(err)) throw new AppError('IDENTITY_TAKEN', { cause: err });
        throw err;
      }
    },

    /** Records that the user proved they own an identity (followed the link, used the code). */
    async markVerified(userId: number, provider: string, subject: string): Promise<void> {
      await db
        .update(userIdentities)
        .set({ verifiedAt: sql`CURRENT_TIMESTAMP(3)` })
        .where(
          and(
            eq(userIdentities.userId, userId),
            eq(userIdentities.provider, provider),
            eq(userIdentities.subject, subject),
            isNull(userIdentities.verifiedAt),
          ),
        );
    },

    async removeIdentity(userId: number, identityId: number): Promise<number> {
      const [result] = await db
        .delete(userIdentities)
        .where(and(eq(userIdentities.id, identityId), eq(userIdentities.userId, userId)));
      return result.affectedRows;
    },

    async update(
      id: number,
      fields: Partial<
        Pick<
          UserRow,
          'passwordHash' | 'status' | 'lockedUntil' | 'avatar' | 'nickname' | 'locale' | 'birthday'
        >
      > &
        UpdateMe,
    ): Promise<void> {
      if (Object.keys(fields).length === 0) return;
      await db.update(users).set(fields).where(eq(users.id, id));
    },

    async markLogin(id: number, ip: string | null): Promise<void> {
      await db
        .update(users)
        .set({ lastLoginAt: sql`CURRENT_TIMESTAMP(3)`, lastLoginIp: ip, lockedUntil: null })
        .where(eq(users.id, id));
    },

    /** What the user's roles allow, together (read afresh: a change of roles applies at once). */
    async permissionsOf(userId: number): Promise<Permission[]> {
      const rows = await db
        .selectDistinct({ permission: rolePermissions.permission })
        .from(userRoles)
        .innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
        .where(eq(userRoles.userId, userId));
      return PERMISSIONS.filter((p) => rows.some((row) => row.permission === p));
    },

    /**
     * `findById` and `hasPermission` in one statement: what a route that needs one permission
     * asks on every request.
     */
    async findHolding(
      id: number,
      permission: Permission,
    ): Promise<{ user: UserRow; holds: boolean } | undefined> {
      const [row] = await holding.execute({ id, permission });
      return row && { user: row.user, holds: Boolean(Number(row.holds)) };
    },

    /** Whether one of the user's roles holds the permission. */
    async hasPermission(userId: number, permission: Permission): Promise<boolean> {
      const [row] = await permitted.execute({ userId, permission });
      return Boolean(row);
    },

    /** Soft-deletes a user and frees their email, phone and providers for others. */
    async softDelete(id: number): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(userIdentities).where(eq(userIdentities.userId, id));
        await tx
          .update(users)
          .set({ deletedAt: sql`CURRENT_TIMESTAMP(3)`, passwordHash: null })
          .where(eq(users.id, id));
      });
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
