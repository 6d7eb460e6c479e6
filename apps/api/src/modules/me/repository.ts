import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { userIdentities, users } from '../../db/schema';
import type { IdentityRow } from '../users/repository';

export type UnbindResult = 'removed' | 'not-found' | 'last';

/**
 * Whether an identity lets its owner log in: a phone by SMS code, a provider by itself, an email
 * only together with the password.
 */
export function isLoginMethod(identity: Pick<IdentityRow, 'kind'>, hasPassword: boolean): boolean {
  return identity.kind !== 'email' || hasPassword;
}

export function createMeRepository(db: Db) {
  return {
    /**
     * Sets the avatar only if it is still `expected` (compare and set), so two uploads at once
     * can't both believe they replaced the same file. A deleted account takes no new one. True
     * when this one took effect.
     */
    async replaceAvatar(userId: number, expected: string | null, next: string | null) {
      const [result] = await db
        .update(users)
        .set({ avatar: next })
        .where(
          and(
            eq(users.id, userId),
            expected === null ? isNull(users.avatar) : eq(users.avatar, expected),
            next === null ? undefined : isNull(users.deletedAt),
          ),
        );
      return result.affectedRows === 1;
    },

    /** The avatar a user row holds, deleted or not. */
    async avatarOf(userId: number): Promise<string | null> {
      const [row] = await db
        .select({ avatar: users.avatar })
        .from(users)
        .where(eq(users.id, userId));
      return row?.avatar ?? null;
    },

    /**
     * Removes one of a user's identities unless no way to log in would be left. The user row is
     * locked meanwhile, so two removals at once can't both pass the check.
     */
    unbindIdentity(userId: number, identityId: number): Promise<UnbindResult> {
      return db.transaction(async (tx) => {
        const [user] = await tx
          .select({ passwordHash: users.passwordHash })
          .from(users)
          .where(and(eq(users.id, userId), isNull(users.deletedAt)))
          .for('update');
        if (!user) return 'not-found';
        const identities = await tx
          .select()
          .from(userIdentities)
          .where(eq(userIdentities.userId, userId));
        if (!identities.some((i) => i.id === identityId)) return 'not-found';
        const hasPassword = user.passwordHash !== null;
        const remaining = identities.filter(
          (i) => i.id !== identityId && isLoginMethod(i, hasPassword),
        );
        if (remaining.length === 0) return 'last';
        await tx
          .delete(userIdentities)
          .where(and(eq(userIdentities.id, identityId), eq(userIdentities.userId, userId)));
        return 'removed';
      });
    },
  };
}

export type MeRepository = ReturnType<typeof createMeRepository>;
