/**
 * The permission names roles are made of. A user may do what the union of their roles' permissions
 * allows; every admin route checks one of these on the server.
 */
export const PERMISSIONS = [
  'users.read',
  'users.write',
  'content.moderate',
  'roles.manage',
  'stats.read',
  'system.settings',
  'audit.read',
  'exports.run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * The roles every database starts with (from the original project's staff), by the key that keeps
 * naming them whatever staff rename them to. `system` holds everything; the first administrator
 * holds it.
 */
export const SEEDED_ROLES = {
  system: { name: 'System', permissions: PERMISSIONS },
  'customer-service': {
    name: 'Customer service',
    permissions: ['users.read', 'users.write', 'audit.read'],
  },
  operations: {
    name: 'Operations',
    permissions: ['users.read', 'content.moderate', 'stats.read', 'exports.run'],
  },
  marketing: { name: 'Marketing', permissions: ['content.moderate', 'stats.read', 'exports.run'] },
  sales: { name: 'Sales', permissions: ['users.read', 'stats.read', 'exports.run'] },
  junior: { name: 'Junior staff', permissions: ['users.read', 'stats.read'] },
  senior: {
    name: 'Senior staff',
    permissions: [
      'users.read',
      'users.write',
      'content.moderate',
      'stats.read',
      'exports.run',
      'audit.read',
    ],
  },
} as const satisfies Record<string, { name: string; permissions: readonly Permission[] }>;
export type SeededRoleKey = keyof typeof SEEDED_ROLES;
