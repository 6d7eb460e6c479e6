import { z } from 'zod';
import { FilterId, IdSchema, IsoDateTime, Page, PageQuery, SearchText } from './common';
import { LIMITS } from './limits';
import { PERMISSIONS, SEEDED_ROLES } from './permissions';
import { IdentitySchema, SessionSchema } from './user';

export const PermissionSchema = z.enum(PERMISSIONS).meta({ id: 'Permission' });

export const RoleSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    permissions: z.array(PermissionSchema),
    /** The seeded role this is (`system`, `junior`, ...), or null for one staff made. */
    seedKey: z.enum(Object.keys(SEEDED_ROLES) as [keyof typeof SEEDED_ROLES]).nullable(),
    /** Users who hold it. */
    holders: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;

export const RoleListSchema = z.object({ items: z.array(RoleSchema) }).meta({ id: 'RoleList' });
export type RoleList = z.infer<typeof RoleListSchema>;

const RoleName = z.string().trim().min(1, 'roleNameLength').max(LIMITS.roleName, 'roleNameLength');
const RoleDescription = z.string().trim().max(LIMITS.roleDescription, 'roleDescriptionLength');
/** Each permission once; the order is not kept. */
const RolePermissions = z
  .array(PermissionSchema)
  .max(PERMISSIONS.length)
  .transform((list) => [...new Set(list)]);

export const CreateRoleBody = z
  .object({
    name: RoleName,
    description: RoleDescription.default(''),
    permissions: RolePermissions,
  })
  .meta({ id: 'CreateRoleBody' });
export type CreateRole = z.output<typeof CreateRoleBody>;

export const UpdateRoleBody = z
  .object({
    name: RoleName.optional(),
    description: RoleDescription.optional(),
    permissions: RolePermissions.optional(),
  })
  .meta({ id: 'UpdateRoleBody' });
export type UpdateRole = z.output<typeof UpdateRoleBody>;

/** The roles a user holds, all of them: the ones left out are taken away. */
export const SetUserRolesBody = z
  .object({
    roleIds: z
      .array(z.number().int().positive())
      .max(100)
      .transform((ids) => [...new Set(ids)]),
  })
  .meta({ id: 'SetUserRolesBody' });
export type SetUserRoles = z.output<typeof SetUserRolesBody>;

/** A role as a user's page shows it. */
export const RoleRefSchema = z
  .object({ id: z.number().int(), name: z.string() })
  .meta({ id: 'RoleRef' });
export type RoleRef = z.infer<typeof RoleRefSchema>;

export const UserRolesSchema = z
  .object({
    roles: z.array(RoleRefSchema),
    /** What the roles add up to. */
    permissions: z.array(PermissionSchema),
  })
  .meta({ id: 'UserRoles' });
export type UserRoles = z.infer<typeof UserRolesSchema>;

/** A user's state as staff see it: a deleted account is `deleted` (restorable). */
export const ADMIN_USER_STATUSES = ['pending', 'active', 'locked', 'deleted'] as const;
export type AdminUserStatus = (typeof ADMIN_USER_STATUSES)[number];

export const ADMIN_USER_SORTS = [
  'id',
  '-id',
  'nickname',
  '-nickname',
  'createdAt',
  '-createdAt',
  'lastLoginAt',
  '-lastLoginAt',
] as const;

/** The filters of the users table; "all N matching" bulk actions take the same. */
export const AdminUserFilter = z.object({
  /** Part of a nickname, or an email or phone (a whole address, or its start). */
  q: SearchText.optional(),
  status: z.enum(ADMIN_USER_STATUSES).optional(),
  roleId: FilterId.optional(),
  /** Registered on or after this day (UTC). */
  registeredFrom: z.iso.date('dateInvalid').optional(),
  /** Registered on or before this day (UTC). */
  registeredTo: z.iso.date('dateInvalid').optional(),
});
export type AdminUserFilterValue = z.output<typeof AdminUserFilter>;

export const AdminUserListQuery = PageQuery.extend({
  ...AdminUserFilter.shape,
  sort: z.enum(ADMIN_USER_SORTS).default('-id'),
});
export type AdminUserListParams = z.output<typeof AdminUserListQuery>;

export const AdminUserSchema = z
  .object({
    id: z.number().int(),
    nickname: z.string(),
    avatarUrl: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    status: z.enum(ADMIN_USER_STATUSES),
    roles: z.array(RoleRefSchema),
    createdAt: IsoDateTime,
    lastLoginAt: IsoDateTime.nullable(),
    lastLoginIp: z.string().nullable(),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const AdminUserPageSchema = Page(AdminUserSchema).meta({ id: 'AdminUserPage' });
export type AdminUserPage = z.infer<typeof AdminUserPageSchema>;

/** One user's page: the row, their login identities and live sessions. */
export const AdminUserDetailSchema = AdminUserSchema.extend({
  identities: z.array(IdentitySchema),
  /** `current` is always false here: none of them is the viewer's. */
  sessions: z.array(SessionSchema),
}).meta({ id: 'AdminUserDetail' });
export type AdminUserDetail = z.infer<typeof AdminUserDetailSchema>;

export const UserSessionParams = z.object({
  id: IdSchema,
  sid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

export const BULK_USER_ACTIONS = ['lock', 'unlock', 'delete', 'restore'] as const;
export type BulkUserAction = (typeof BULK_USER_ACTIONS)[number];

/** A bulk action on the selected users (`ids`), or on every user the filter matches (`all`). */
export const BulkUsersBody = z
  .object({
    action: z.enum(BULK_USER_ACTIONS),
    ids: z.array(z.number().int().positive()).min(1).max(1000).optional(),
    all: AdminUserFilter.optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
    message: 'idsOrAll',
    path: ['ids'],
  })
  .meta({ id: 'BulkUsersBody' });
export type BulkUsers = z.output<typeof BulkUsersBody>;

export const BulkResultSchema = z
  .object({
    /** Users the action changed. */
    affected: z.number().int(),
    /**
     * Users it looked at and left as they were: already in that state, yourself, or the last
     * active account that could manage roles.
     */
    skipped: z.number().int(),
  })
  .meta({ id: 'BulkResult' });
export type BulkResult = z.infer<typeof BulkResultSchema>;
