import { z } from 'zod';
import { ADMIN_USER_SORTS, AdminUserFilter } from './admin';
import {
  ADMIN_BLOG_SORTS,
  ADMIN_COMMENT_SORTS,
  AdminBlogFilter,
  AdminCommentFilter,
} from './admin-content';
import { AuditFilter } from './audit';
import type { Permission } from './permissions';

/** What staff can export: the admin tables, with the filters and sorts of their lists. */
export const EXPORT_KINDS = ['users', 'blogs', 'comments', 'audit'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_FORMATS = ['csv', 'tsv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Besides `exports.run`, what an export of each kind needs: the permission that reads it. */
export const EXPORT_READ_PERMISSIONS = {
  users: 'users.read',
  blogs: 'content.moderate',
  comments: 'content.moderate',
  audit: 'audit.read',
} as const satisfies Record<ExportKind, Permission>;

/** The response header that says, before the first row, how many rows the file will hold. */
export const EXPORT_ROWS_HEADER = 'x-export-rows';

/** Rows a selection (`ids`) may name. */
export const EXPORT_IDS_MAX = 1000;

/** `ids=3,1,2`: the selected rows, in place of the filter. */
const IdList = z
  .string()
  .regex(/^[1-9][0-9]{0,9}(,[1-9][0-9]{0,9})*$/, 'exportIds')
  .transform((text) => [...new Set(text.split(',').map(Number))])
  .refine((ids) => ids.length <= EXPORT_IDS_MAX && ids.every((id) => id <= 4_294_967_295), {
    message: 'exportIds',
  });

const exportFields = {
  format: z.enum(EXPORT_FORMATS),
  ids: IdList.optional(),
};

export const UserExportQuery = AdminUserFilter.extend({
  ...exportFields,
  sort: z.enum(ADMIN_USER_SORTS).default('-id'),
});
export type UserExportParams = z.output<typeof UserExportQuery>;

export const BlogExportQuery = AdminBlogFilter.extend({
  ...exportFields,
  sort: z.enum(ADMIN_BLOG_SORTS).default('-id'),
});
export type BlogExportParams = z.output<typeof BlogExportQuery>;

export const CommentExportQuery = AdminCommentFilter.extend({
  ...exportFields,
  sort: z.enum(ADMIN_COMMENT_SORTS).default('-id'),
});
export type CommentExportParams = z.output<typeof CommentExportQuery>;

/** The audit log is exported newest first, as it lists. */
export const AuditExportQuery = AuditFilter.extend(exportFields);
export type AuditExportParams = z.output<typeof AuditExportQuery>;

/** The columns of each kind's file, in order (their headers: EXPORT_HEADERS in messages.ts). */
export const EXPORT_COLUMNS = {
  users: [
    'id',
    'nickname',
    'email',
    'phone',
    'status',
    'roles',
    'createdAt',
    'lastLoginAt',
    'lastLoginIp',
  ],
  blogs: [
    'id',
    'title',
    'authorId',
    'author',
    'status',
    'featured',
    'pubDate',
    'viewCount',
    'commentCount',
    'createdAt',
    'updatedAt',
    'deletedAt',
  ],
  comments: [
    'id',
    'blogId',
    'blogTitle',
    'userId',
    'nickname',
    'parentId',
    'body',
    'status',
    'openReports',
    'createdAt',
    'editedAt',
  ],
  audit: [
    'id',
    'at',
    'action',
    'actorId',
    'actor',
    'targetType',
    'targetId',
    'ip',
    'userAgent',
    'before',
    'after',
  ],
} as const satisfies Record<ExportKind, readonly string[]>;
export type ExportColumn<K extends ExportKind> = (typeof EXPORT_COLUMNS)[K][number];
