import type { Permission } from '@folio/schema';
import type { AdminMessageKey } from '../../lib/i18n';

export interface AdminSection {
  to: string;
  label: AdminMessageKey;
  /** What the overview says the section is for. */
  summary: AdminMessageKey;
  /** Who may open it: the API checks the same permission on every route the section calls. */
  permission: Permission;
}

/** The admin section's parts, in the sidebar's order. */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  {
    to: '/admin/users',
    label: 'admin.nav.users',
    summary: 'admin.section.users',
    permission: 'users.read',
  },
  {
    to: '/admin/roles',
    label: 'admin.nav.roles',
    summary: 'admin.section.roles',
    permission: 'roles.manage',
  },
  {
    to: '/admin/blogs',
    label: 'admin.nav.blogs',
    summary: 'admin.section.blogs',
    permission: 'content.moderate',
  },
  {
    to: '/admin/comments',
    label: 'admin.nav.comments',
    summary: 'admin.section.comments',
    permission: 'content.moderate',
  },
  {
    to: '/admin/authors',
    label: 'admin.nav.authors',
    summary: 'admin.section.authors',
    permission: 'content.moderate',
  },
  {
    to: '/admin/audit',
    label: 'admin.nav.audit',
    summary: 'admin.section.audit',
    permission: 'audit.read',
  },
  {
    to: '/admin/settings',
    label: 'admin.nav.settings',
    summary: 'admin.section.settings',
    permission: 'system.settings',
  },
  {
    to: '/admin/outbox',
    label: 'admin.nav.outbox',
    summary: 'admin.section.outbox',
    permission: 'system.settings',
  },
];

/** The sections `permissions` open. */
export function sectionsFor(permissions: readonly Permission[]): AdminSection[] {
  return ADMIN_SECTIONS.filter((section) => permissions.includes(section.permission));
}
