import type { AdminUser, Permission, Role } from '@folio/schema';
import { setSession } from '../lib/auth-store';
import { authResult, me } from './fake-api';

/** Lily logged in, her roles granting `permissions`; the account as GET /me answers it. */
export function logInAsStaff(permissions: Permission[]) {
  const user = { ...me, permissions };
  setSession({ ...authResult(), user });
  return user;
}

export function role(id: number, name: string, permissions: Permission[], holders = 0): Role {
  return {
    id,
    name,
    description: '',
    permissions,
    seedKey: null,
    holders,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A row of the users table as GET /admin/users answers it. */
export function adminUser(id: number, nickname: string, extra: Partial<AdminUser> = {}): AdminUser {
  return {
    id,
    nickname,
    avatarUrl: null,
    email: `${nickname.toLowerCase()}@example.com`,
    phone: null,
    status: 'active',
    roles: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    lastLoginAt: null,
    lastLoginIp: null,
    ...extra,
  };
}

/** A page of users as GET /admin/users answers it. */
export function userPage(
  items: AdminUser[],
  { page = 1, perPage = 20, total = items.length } = {},
) {
  return { items, page, perPage, total, pages: Math.ceil(total / perPage) };
}
