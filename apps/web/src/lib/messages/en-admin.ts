/** The admin section's texts in English, loaded with its code. */
export const enAdmin = {
  'admin.title': 'Admin',
  'admin.breadcrumb': 'Breadcrumb',
  'admin.nav.label': 'Admin sections',
  'admin.nav.overview': 'Overview',
  'admin.nav.roles': 'Roles',

  'admin.home.welcome': 'Welcome, {name}. These are the parts of the site your roles let you run:',
  'admin.home.none': 'None of the admin sections is open to your permissions yet.',
  'admin.section.roles': 'Who may do what: the roles people hold and the permissions they grant.',

  'admin.noAccess.title': 'You have no access to the admin section',
  'admin.noAccess.text':
    'None of your roles grants a staff permission. If you need one, ask someone who manages roles.',
  'admin.noAccess.back': 'Go to the home page',
  'admin.noAccess.sectionTitle': 'You have no access to this section',
  'admin.noAccess.sectionText':
    'It needs the permission “{permission}”, which none of your roles grants.',
  'admin.noAccess.sectionBack': 'Back to the admin overview',

  'admin.permission.users.read': 'View users',
  'admin.permission.users.write': 'Manage users',
  'admin.permission.content.moderate': 'Moderate content',
  'admin.permission.roles.manage': 'Manage roles',
  'admin.permission.stats.read': 'View statistics',
  'admin.permission.system.settings': 'Site settings',
  'admin.permission.audit.read': 'View the audit log',
  'admin.permission.exports.run': 'Export data',

  'admin.roles.title': 'Roles',
  'admin.roles.intro': 'A person may do what the roles they hold grant, taken together.',
  'admin.roles.new': 'New role',
  'admin.roles.column.name': 'Name',
  'admin.roles.column.description': 'Description',
  'admin.roles.column.permissions': 'Permissions',
  'admin.roles.column.holders': 'Holders',
  'admin.roles.column.actions': 'Actions',
  'admin.roles.noPermissions': 'None',
  'admin.roles.empty': 'There are no roles yet.',
  'admin.roles.edit': 'Edit',
  'admin.roles.editLabel': 'Edit the role “{name}”',
  'admin.roles.delete': 'Delete',
  'admin.roles.deleteLabel': 'Delete the role “{name}”',
  'admin.roles.deleteTitle': 'Delete the role “{name}”?',
  'admin.roles.deleteText': 'Nobody holds it. This cannot be undone.',
  'admin.roles.deleteTextHeld':
    'People holding it: {count}. They lose what it grants them, unless another of their roles grants it too. This cannot be undone.',
  'admin.roles.deleted': 'The role “{name}” is deleted.',
  'admin.roles.created': 'The role “{name}” is created.',
  'admin.roles.saved': 'The role “{name}” is saved.',
  'admin.roles.newTitle': 'New role',
  'admin.roles.editTitle': 'Edit “{name}”',
  'admin.roles.notFound.title': 'No such role',
  'admin.roles.notFound.text': 'It may have been deleted in the meantime.',
  'admin.roles.notFound.back': 'Back to the roles',

  'admin.role.name': 'Name',
  'admin.role.description': 'Description',
  'admin.role.descriptionHint': 'Optional: what the role is for, in up to {max} characters.',
  'admin.role.permissions': 'Permissions',
  'admin.role.notHeld': 'You do not hold it, so you cannot change it here.',
  'admin.role.create': 'Create role',
} as const satisfies Record<string, string>;

export type AdminMessageKey = keyof typeof enAdmin;
