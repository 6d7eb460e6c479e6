/** Permission names that roles are made of; admin routes check these on the server. */
export const PERMISSIONS = [
  'users.read',
  'users.write',
  'content.moderate',
  'roles.manage',
  'stats.read',
  'system.settings',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
