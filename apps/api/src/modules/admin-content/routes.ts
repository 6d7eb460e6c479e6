import {
  AdminAuthorListQuery,
  AdminAuthorPageSchema,
  AdminAuthorSchema,
  AdminBlogListQuery,
  AdminBlogPageSchema,
  AdminCommentListQuery,
  AdminCommentPageSchema,
  BulkBlogsBody,
  BulkCommentsBody,
  BulkResultSchema,
  CreateAuthorBody,
  Envelope,
  IdParam,
  ModerationQueueQuery,
  ModerationQueueSchema,
  UpdateAuthorBody,
} from '@folio/schema';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, ok } from '../../lib/route-schema';
import { auditContextOf } from '../audit/service';

const tags = ['admin'];
const staffOf = (request: FastifyRequest) => ({
  ...auditContextOf(request),
  actorId: request.auth!.userId,
});

/** The staff's blogs, comments and authors tables, their bulk actions and the moderation queue. */
const adminContentRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.adminContentService;
  const moderate = app.requires('content.moderate');

  app.get(
    '/admin/blogs',
    {
      ...moderate,
      schema: {
        tags,
        summary: 'Every blog, drafts, scheduled and trashed ones too, paged, filtered and sorted',
        description: '`q` finds part of a title; `from`/`to` bound the publication day (UTC).',
        querystring: AdminBlogListQuery,
        response: { 200: Envelope(AdminBlogPageSchema), ...failures(403) },
      },
    },
    async (request) => ok(await service.blogs(request.query)),
  );

  app.post(
    '/admin/blogs/bulk',
    {
      ...moderate,
      schema: {
        tags,
        summary:
          'Unpublish, delete, restore, feature or unfeature the selected blogs, or all matching',
        description:
          'Give `ids` (at most 1 000) or `all` (the filters of `GET /admin/blogs`). Unpublishing ' +
          'makes a blog a draft; deleting moves it to the trash, restoring takes it out. Blogs ' +
          'already in that state count as `skipped`.',
        body: BulkBlogsBody,
        response: { 200: Envelope(BulkResultSchema), ...failures(403) },
      },
    },
    async (request) => ok(await service.bulkBlogs(staffOf(request), request.body)),
  );

  app.get(
    '/admin/comments',
    {
      ...moderate,
      schema: {
        tags,
        summary: 'Every comment, paged and filtered (by blog, writer, state, open reports, day)',
        querystring: AdminCommentListQuery,
        response: { 200: Envelope(AdminCommentPageSchema), ...failures(403) },
      },
    },
    async (request) => ok(await service.comments(request.query)),
  );

  app.post(
    '/admin/comments/bulk',
    {
      ...moderate,
      schema: {
        tags,
        summary: 'Delete the selected comments, or dismiss their reports; or all matching',
        description:
          'Give `ids` (at most 1 000) or `all` (the filters of `GET /admin/comments`). A deleted ' +
          'comment with replies stays as a tombstone. Either action resolves its open reports.',
        body: BulkCommentsBody,
        response: { 200: Envelope(BulkResultSchema), ...failures(403) },
      },
    },
    async (request) => ok(await service.bulkComments(staffOf(request), request.body)),
  );

  app.get(
    '/admin/comments/reports',
    {
      ...moderate,
      schema: {
        tags,
        summary: 'The moderation queue: comments readers reported, the most reported first',
        querystring: ModerationQueueQuery,
        response: { 200: Envelope(ModerationQueueSchema), ...failures(403) },
      },
    },
    async (request) => ok(await service.queue(request.query)),
  );

  app.get(
    '/admin/authors',
    {
      ...moderate,
      schema: {
        tags,
        summary: 'Authors with their contact address and all their blogs counted',
        querystring: AdminAuthorListQuery,
        response: { 200: Envelope(AdminAuthorPageSchema), ...failures(403) },
      },
    },
    async (request) => ok(await service.authors(request.query)),
  );

  app.post(
    '/admin/authors',
    {
      ...moderate,
      schema: {
        tags,
        summary: 'Make an author (one no account writes as)',
        body: CreateAuthorBody,
        response: { 201: Envelope(AdminAuthorSchema), ...failures(403) },
      },
    },
    async (request, reply) => {
      const author = await service.createAuthor(staffOf(request), request.body);
      reply.code(201);
      return ok(author);
    },
  );

  app.patch(
    '/admin/authors/:id',
    {
      ...moderate,
      schema: {
        tags,
        summary: "Change an author's name, contact address or bio",
        params: IdParam,
        body: UpdateAuthorBody,
        response: { 200: Envelope(AdminAuthorSchema), ...failures(403, 404) },
      },
    },
    async (request) =>
      ok(await service.updateAuthor(staffOf(request), request.params.id, request.body)),
  );
};

export default adminContentRoutes;
