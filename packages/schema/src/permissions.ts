/** The permission names roles will be made of. Nothing checks them yet: there are no admin routes. */
export const PERMISSIONS = [
  'users.read',
  'users.write',
  'content.moderate',
  'roles.manage',
  'stats.read',
  'system.settings',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
