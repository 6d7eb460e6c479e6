import type { Me, Permission } from '@folio/schema';
import type { Redis } from 'ioredis';
import type { IdentityRow, UserRepository, UserRow } from './repository';

export const AVATAR_URL_PREFIX = '/uploads/avatars/';

/** A change of email waiting for its link: the new address, for 24 hours. */
export const pendingEmailKey = (userId: number) => `email-change:${userId}`;

/** The account as its owner sees it. */
export function toMe(
  user: UserRow,
  identities: IdentityRow[],
  pendingEmail: string | null,
  permissions: Permission[],
): Me {
  const subjectOf = (provider: string) =>
    identities.find((i) => i.provider === provider)?.subject ?? null;
  return {
    id: user.id,
    nickname: user.nickname,
    avatarUrl: user.avatar ? `${AVATAR_URL_PREFIX}${user.avatar}` : null,
    locale: user.locale,
    birthday: user.birthday ?? null,
    status: user.status,
    email: subjectOf('email'),
    phone: subjectOf('phone'),
    pendingEmail,
    identities: identities.map((i) => ({
      id: i.id,
      kind: i.kind,
      provider: i.provider,
      label: i.label ?? i.subject,
      verifiedAt: i.verifiedAt?.toISOString() ?? null,
      createdAt: i.createdAt.toISOString(),
    })),
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    permissions,
  };
}

/** The account as its owner sees it, read fresh: identities and any pending change of email. */
export async function loadMe(users: UserRepository, redis: Redis, user: UserRow): Promise<Me> {
  const [identities, pendingEmail, permissions] = await Promise.all([
    users.identities(user.id),
    redis.get(pendingEmailKey(user.id)),
    users.permissionsOf(user.id),
  ]);
  return toMe(user, identities, pendingEmail, permissions);
}
