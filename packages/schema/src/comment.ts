import { z } from 'zod';
import { IdSchema, IsoDateTime, Page, PageQuery } from './common';
import { LIMITS } from './limits';

/** See LIMITS.commentNesting. */
export const COMMENT_NESTING = LIMITS.commentNesting;

/** See LIMITS.commentEditMinutes. */
export const COMMENT_EDIT_MINUTES = LIMITS.commentEditMinutes;

export const COMMENT_SORTS = ['createdAt', '-createdAt'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

export const CommentAuthorSchema = z
  .object({ id: z.number().int(), nickname: z.string(), avatarUrl: z.string().nullable() })
  .meta({ id: 'CommentAuthor' });
export type CommentAuthor = z.infer<typeof CommentAuthorSchema>;

const commentFields = {
  id: z.number().int(),
  blogId: z.number().int(),
  /** The comment it answers; null for a top-level comment. */
  parentId: z.number().int().nullable(),
  /** Levels below its top-level comment: 0 for a top-level one. */
  depth: z.number().int(),
  /** Null once deleted. (Inline: OpenAPI 3.0 cannot make a referenced schema nullable.) */
  author: z.object(CommentAuthorSchema.shape).nullable(),
  /** Plain text as written; empty once deleted. */
  body: z.string(),
  /** `body` HTML-escaped, with its URLs made links (`rel="nofollow noopener noreferrer ugc"`). */
  bodyHtml: z.string(),
  createdAt: IsoDateTime,
  /** When its writer last changed it; null when never. */
  editedAt: IsoDateTime.nullable(),
  /** Deleted while it had replies: kept so they keep their place ("comment deleted"). */
  deleted: z.boolean(),
  /** Replies below it that this answer leaves out (`GET /comments/:id/replies` lists them). */
  moreReplies: z.number().int(),
};

/** A comment without its replies, as a write answers it and a flattened list holds it. */
export const CommentSchema = z.object(commentFields).meta({ id: 'Comment' });
export type Comment = z.infer<typeof CommentSchema>;

export interface CommentNode extends Comment {
  replies: CommentNode[];
}

/** A comment with its replies nested, oldest first, down to COMMENT_NESTING levels. */
export const CommentNodeSchema: z.ZodType<CommentNode> = z
  .object({
    ...commentFields,
    get replies() {
      return z.array(CommentNodeSchema);
    },
  })
  .meta({ id: 'CommentNode' });

/** A reply in a flattened list, with whom it answers. */
export const ReplySchema = CommentSchema.extend({
  /** The writer of the comment it answers (null when that one is deleted). */
  replyTo: z.object({ id: z.number().int(), nickname: z.string() }).nullable(),
}).meta({ id: 'Reply' });
export type Reply = z.infer<typeof ReplySchema>;

export const CommentListQuery = PageQuery.extend({
  /** Top-level comments oldest first (`createdAt`, the default) or newest first. */
  sort: z.enum(COMMENT_SORTS).default('createdAt'),
});
export type CommentListQueryInput = z.input<typeof CommentListQuery>;
export type CommentListParams = z.output<typeof CommentListQuery>;

export const CommentPageSchema = Page(CommentNodeSchema).meta({ id: 'CommentPage' });
export type CommentPage = z.infer<typeof CommentPageSchema>;

export const ReplyListQuery = z.object({
  /** `nextCursor` of the previous page; the first page without it. */
  cursor: z
    .string()
    .regex(/^[0-9]{1,10}$/, 'cursorInvalid')
    .optional(),
  limit: z.coerce
    .number<unknown>()
    .int()
    .positive()
    .max(LIMITS.perPageMax)
    .default(LIMITS.perPageDefault),
});
export type ReplyListParams = z.output<typeof ReplyListQuery>;

export const ReplyPageSchema = z
  .object({
    items: z.array(ReplySchema),
    /** Where the next page starts; null on the last page. */
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ReplyPage' });
export type ReplyPage = z.infer<typeof ReplyPageSchema>;

export const CommentBodySchema = z
  .string()
  .refine((s) => s.trim().length > 0, 'commentLength')
  .refine((s) => s.length <= LIMITS.commentBody, 'commentLength');

export const CreateCommentBody = z
  .object({
    body: CommentBodySchema,
    /** The comment it answers, in the same blog. */
    parentId: z
      .number({ error: 'positiveInteger' })
      .int('positiveInteger')
      .positive('positiveInteger')
      .max(4_294_967_295, 'positiveInteger')
      .nullable()
      .optional(),
  })
  .meta({ id: 'CreateCommentBody' });
export type CreateComment = z.output<typeof CreateCommentBody>;

export const UpdateCommentBody = z.object({ body: CommentBodySchema }).meta({
  id: 'UpdateCommentBody',
});
export type UpdateComment = z.output<typeof UpdateCommentBody>;

export const CommentParams = z.object({ id: IdSchema });

export const COMMENT_NOTICE_TYPES = ['comment', 'reply', 'mention'] as const;
export type CommentNoticeType = (typeof COMMENT_NOTICE_TYPES)[number];

/**
 * What the comments service hands on after a new comment, one per person to tell: the blog's
 * owner (`comment`), the writer of the comment it answers (`reply`), each `@nickname` mentioned
 * (`mention`); never the writer themself, nobody twice.
 */
export interface CommentNotice {
  userId: number;
  type: CommentNoticeType;
  actorUserId: number;
  blogId: number;
  commentId: number;
  excerpt: string;
}
