import { z } from 'zod';
import { MY_BLOG_STATUSES } from './blog';
import { FilterBoolean, FilterId, IsoDateTime, Page, PageQuery, SearchText } from './common';
import { LIMITS } from './limits';

/** The filters of the staff's blogs table; its bulk actions and exports take the same. */
export const AdminBlogFilter = z.object({
  /** Part of the title. */
  q: SearchText.optional(),
  /** A state, or `trashed` (in the trash whatever its state). */
  status: z.enum(MY_BLOG_STATUSES).optional(),
  authorId: FilterId.optional(),
  featured: FilterBoolean.optional(),
  /** Published (or to be) on or after this day (UTC). */
  from: z.iso.date('dateInvalid').optional(),
  /** Published (or to be) on or before this day (UTC). */
  to: z.iso.date('dateInvalid').optional(),
});
export type AdminBlogFilterValue = z.output<typeof AdminBlogFilter>;

export const ADMIN_BLOG_SORTS = ['-id', 'id', '-pubDate', 'pubDate'] as const;
export type AdminBlogSort = (typeof ADMIN_BLOG_SORTS)[number];

export const AdminBlogListQuery = PageQuery.extend({
  ...AdminBlogFilter.shape,
  sort: z.enum(ADMIN_BLOG_SORTS).default('-id'),
});
export type AdminBlogListParams = z.output<typeof AdminBlogListQuery>;

export const AdminBlogSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    author: z.object({ id: z.number().int(), name: z.string() }),
    status: z.enum(MY_BLOG_STATUSES),
    featured: z.boolean(),
    pubDate: IsoDateTime,
    viewCount: z.number().int(),
    commentCount: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    deletedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'AdminBlog' });
export type AdminBlog = z.infer<typeof AdminBlogSchema>;

export const AdminBlogPageSchema = Page(AdminBlogSchema).meta({ id: 'AdminBlogPage' });
export type AdminBlogPage = z.infer<typeof AdminBlogPageSchema>;

export const BULK_BLOG_ACTIONS = [
  'unpublish',
  'delete',
  'restore',
  'feature',
  'unfeature',
] as const;
export type BulkBlogAction = (typeof BULK_BLOG_ACTIONS)[number];

/** A bulk action on the selected blogs (`ids`), or on every blog the filter matches (`all`). */
export const BulkBlogsBody = z
  .object({
    action: z.enum(BULK_BLOG_ACTIONS),
    ids: z.array(z.number().int().positive()).min(1).max(1000).optional(),
    all: AdminBlogFilter.optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
    message: 'idsOrAll',
    path: ['ids'],
  })
  .meta({ id: 'BulkBlogsBody' });
export type BulkBlogs = z.output<typeof BulkBlogsBody>;

/** What staff see of a comment: `deleted` ones are tombstones kept for their replies. */
export const ADMIN_COMMENT_STATUSES = ['visible', 'deleted'] as const;

export const AdminCommentFilter = z.object({
  /** Part of the text. */
  q: SearchText.optional(),
  blogId: FilterId.optional(),
  userId: FilterId.optional(),
  status: z.enum(ADMIN_COMMENT_STATUSES).optional(),
  /** Only comments with reports still open. */
  reported: FilterBoolean.optional(),
  /** Written on or after this day (UTC). */
  from: z.iso.date('dateInvalid').optional(),
  /** Written on or before this day (UTC). */
  to: z.iso.date('dateInvalid').optional(),
});
export type AdminCommentFilterValue = z.output<typeof AdminCommentFilter>;

export const ADMIN_COMMENT_SORTS = ['-id', 'id'] as const;

export const AdminCommentListQuery = PageQuery.extend({
  ...AdminCommentFilter.shape,
  sort: z.enum(ADMIN_COMMENT_SORTS).default('-id'),
});
export type AdminCommentListParams = z.output<typeof AdminCommentListQuery>;

export const AdminCommentSchema = z
  .object({
    id: z.number().int(),
    blog: z.object({ id: z.number().int(), title: z.string() }),
    user: z.object({ id: z.number().int(), nickname: z.string() }),
    parentId: z.number().int().nullable(),
    body: z.string(),
    status: z.enum(ADMIN_COMMENT_STATUSES),
    /** Reports not yet resolved. */
    openReports: z.number().int(),
    createdAt: IsoDateTime,
    editedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'AdminComment' });
export type AdminComment = z.infer<typeof AdminCommentSchema>;

export const AdminCommentPageSchema = Page(AdminCommentSchema).meta({ id: 'AdminCommentPage' });
export type AdminCommentPage = z.infer<typeof AdminCommentPageSchema>;

export const BULK_COMMENT_ACTIONS = ['delete', 'dismissReports'] as const;
export type BulkCommentAction = (typeof BULK_COMMENT_ACTIONS)[number];

export const BulkCommentsBody = z
  .object({
    action: z.enum(BULK_COMMENT_ACTIONS),
    ids: z.array(z.number().int().positive()).min(1).max(1000).optional(),
    all: AdminCommentFilter.optional(),
  })
  .refine((body) => (body.ids === undefined) !== (body.all === undefined), {
    message: 'idsOrAll',
    path: ['ids'],
  })
  .meta({ id: 'BulkCommentsBody' });
export type BulkComments = z.output<typeof BulkCommentsBody>;

export const COMMENT_REPORT_REASONS = ['spam', 'abuse', 'offTopic', 'other'] as const;
export type CommentReportReason = (typeof COMMENT_REPORT_REASONS)[number];

/** A reader's report of a comment (`POST /comments/:id/report`). */
export const ReportCommentBody = z
  .object({
    reason: z.enum(COMMENT_REPORT_REASONS),
    note: z.string().trim().max(LIMITS.reportNote, 'reportNoteLength').default(''),
  })
  .meta({ id: 'ReportCommentBody' });
export type ReportComment = z.output<typeof ReportCommentBody>;

/** The moderation queue: comments with open reports, the most reported first. */
export const ModerationQueueQuery = PageQuery;

export const ModerationItemSchema = z
  .object({
    comment: AdminCommentSchema,
    reports: z.array(
      z.object({
        reason: z.enum(COMMENT_REPORT_REASONS),
        note: z.string(),
        reporter: z.object({ id: z.number().int(), nickname: z.string() }),
        createdAt: IsoDateTime,
      }),
    ),
  })
  .meta({ id: 'ModerationItem' });
export type ModerationItem = z.infer<typeof ModerationItemSchema>;

export const ModerationQueueSchema = Page(ModerationItemSchema).meta({ id: 'ModerationQueue' });
export type ModerationQueue = z.infer<typeof ModerationQueueSchema>;

export const AdminAuthorListQuery = PageQuery.extend({
  /** Part of the name. */
  q: SearchText.optional(),
  sort: z.enum(['-id', 'id', 'name', '-name']).default('-id'),
});
export type AdminAuthorListParams = z.output<typeof AdminAuthorListQuery>;

export const AdminAuthorSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    email: z.string().nullable(),
    bio: z.string().nullable(),
    /** The account that writes as this author, if any. */
    userId: z.number().int().nullable(),
    blogs: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'AdminAuthor' });
export type AdminAuthor = z.infer<typeof AdminAuthorSchema>;

export const AdminAuthorPageSchema = Page(AdminAuthorSchema).meta({ id: 'AdminAuthorPage' });

const AuthorName = z
  .string()
  .trim()
  .min(1, 'authorNameLength')
  .max(LIMITS.authorName, 'authorNameLength');
const AuthorEmail = z.email('emailInvalid').max(LIMITS.authorEmail).nullable();
const AuthorBio = z.string().trim().max(LIMITS.authorBio, 'authorBioLength').nullable();

export const CreateAuthorBody = z
  .object({ name: AuthorName, email: AuthorEmail.default(null), bio: AuthorBio.default(null) })
  .meta({ id: 'CreateAuthorBody' });
export type CreateAuthor = z.output<typeof CreateAuthorBody>;

export const UpdateAuthorBody = z
  .object({ name: AuthorName.optional(), email: AuthorEmail.optional(), bio: AuthorBio.optional() })
  .meta({ id: 'UpdateAuthorBody' });
export type UpdateAuthor = z.output<typeof UpdateAuthorBody>;
