import {
  CommentListQuery,
  CommentPageSchema,
  CommentParams,
  CommentSchema,
  CreateCommentBody,
  Envelope,
  IdParam,
  ReplyListQuery,
  ReplyPageSchema,
  ReportCommentBody,
  UpdateCommentBody,
} from '@folio/schema';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendRendered } from '../../lib/rendered';
import { failures, ok } from '../../lib/route-schema';
import { COMMENT_LIMIT, REPORT_LIMIT } from '../../plugins/external/rate-limit';
import type { Commenter } from './service';

const tags = ['comments'];
const writerOf = (request: FastifyRequest): Commenter => ({ userId: request.auth!.userId });

const commentRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.commentService;
  const onRequest = app.authenticate;

  app.get(
    '/blogs/:id/comments',
    {
      schema: {
        tags,
        summary: 'A page of a blog’s top-level comments, each with its replies nested',
        description:
          'Replies are nested oldest first down to 5 levels below a top-level comment; a comment ' +
          'of the last level counts the replies below it in `moreReplies` ' +
          '(`GET /comments/{id}/replies` lists them). A deleted comment that still has replies ' +
          'stays, with `deleted: true`, no author and an empty body.',
        params: IdParam,
        querystring: CommentListQuery,
        response: { 200: Envelope(CommentPageSchema), ...failures(404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      return sendRendered(
        reply,
        service.rendered,
        { comments: id, query: request.query },
        async () => ({ data: await service.list(id, request.query) }),
      );
    },
  );

  app.post(
    '/blogs/:id/comments',
    {
      onRequest,
      config: { rateLimit: COMMENT_LIMIT },
      schema: {
        tags,
        summary: 'Comment on a blog, or reply to one of its comments (`parentId`)',
        description:
          'Plain text, 1 to 5000 characters; addresses in it become `nofollow` links in ' +
          '`bodyHtml`. Refused when the blog’s comments, or the whole site’s (the `commentsOpen` ' +
          'setting), are closed (COMMENTS_CLOSED) and when it ' +
          'repeats your previous comment (COMMENT_DUPLICATE); 5 a minute per user.',
        params: IdParam,
        body: CreateCommentBody,
        response: { 201: Envelope(CommentSchema), ...failures(403, 404, 409) },
      },
    },
    async (request, reply) => {
      const comment = await service.create(writerOf(request), request.params.id, request.body);
      reply.code(201);
      return ok(comment);
    },
  );

  app.get(
    '/comments/:id/replies',
    {
      schema: {
        tags,
        summary: 'The replies below a comment that its blog’s comments answer leaves out',
        description:
          'For a comment of the last nested level (`depth` 5): every reply below it, flattened, ' +
          'oldest first, each naming whom it answers (`replyTo`). For any other: its direct ' +
          'replies. Pages follow `nextCursor`.',
        params: CommentParams,
        querystring: ReplyListQuery,
        response: { 200: Envelope(ReplyPageSchema), ...failures(404) },
      },
    },
    async (request) => ok(await service.replies(request.params.id, request.query)),
  );

  app.patch(
    '/comments/:id',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Change your comment, within 15 minutes of writing it',
        description: 'Later, COMMENT_EDIT_EXPIRED. The comment shows `editedAt` from then on.',
        params: CommentParams,
        body: UpdateCommentBody,
        response: { 200: Envelope(CommentSchema), ...failures(403, 404) },
      },
    },
    async (request) => ok(await service.update(writerOf(request), request.params.id, request.body)),
  );

  app.post(
    '/comments/:id/report',
    {
      onRequest,
      config: { rateLimit: REPORT_LIMIT },
      schema: {
        tags,
        summary: 'Report a comment to staff (spam, abuse, off topic, other), with a note',
        description:
          'Puts it in the moderation queue (`GET /admin/comments/reports`). One report per ' +
          'reader and comment: reporting again replaces it. Your own comment: CONFLICT. 20 a ' +
          'minute per user.',
        params: CommentParams,
        body: ReportCommentBody,
        response: { 200: Envelope(z.null()), ...failures(404, 409) },
      },
    },
    async (request) => {
      await service.report(writerOf(request), request.params.id, request.body);
      return ok(null);
    },
  );

  app.delete(
    '/comments/:id',
    {
      onRequest,
      schema: {
        tags,
        summary: 'Delete a comment: yours, one on your blog, or any with content.moderate',
        description:
          'One with replies stays as a tombstone (answered as `data`); one without goes, with ' +
          'every tombstone above it that it leaves without replies (`data` is null).',
        params: CommentParams,
        // Inline: OpenAPI 3.0 cannot make a referenced schema nullable.
        response: {
          200: Envelope(z.object(CommentSchema.shape).nullable()),
          ...failures(403, 404),
        },
      },
    },
    async (request) => ok(await service.remove(writerOf(request), request.params.id)),
  );
};

export default commentRoutes;
