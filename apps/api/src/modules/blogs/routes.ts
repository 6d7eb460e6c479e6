import {
  BlogAdjacentSchema,
  BlogListQuery,
  BlogPageSchema,
  BlogRevisionParams,
  BlogRevisionSchema,
  BlogSchema,
  BlogSummarySchema,
  BlogViewSchema,
  CreateBlogBody,
  Envelope,
  HotBlogSchema,
  IdParam,
  MyBlogListQuery,
  MyBlogPageSchema,
  MyBlogSchema,
  SetFeaturedBody,
  TagListQuery,
  TagParams,
  TagSchema,
  TagPageSchema,
  UpdateBlogBody,
} from '@folio/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendRendered } from '../../lib/rendered';
import { failures, ok } from '../../lib/route-schema';
import { SEARCH_LIMIT, VIEW_LIMIT } from '../../plugins/external/rate-limit';
import type { Writer } from './service';

/** A blog's ETag names the blog and its version, which every save moves on. */
export const etagOf = (id: number, version: number) => `"b${id}.v${version}"`;

/**
 * The versions an `If-Match` header names for this blog, or undefined when it names none (no
 * header, or `*`). A weak tag of the blog's own form counts too: a proxy that compresses the
 * answer (nginx's gzip, plugins/app/compression) makes the ETag weak, yet it still names one
 * version of the blog, which is all the comparison is about.
 */
export function ifMatchVersions(header: string | undefined, id: number): number[] | undefined {
  if (header === undefined) return undefined;
  const tags = header.split(',').map((t) => t.trim());
  if (tags.includes('*')) return undefined;
  const versions: number[] = [];
  for (const tag of tags) {
    const match = /^(?:W\/)?"b(\d+)\.v(\d+)"$/.exec(tag);
    if (match && Number(match[1]) === id) versions.push(Number(match[2]));
  }
  return versions;
}

const IfMatchHeaders = z.looseObject({
  'if-match': z
    .string()
    .max(1024)
    .optional()
    .meta({ description: 'The ETag the change was made from; 412 if the blog changed since' }),
});

const writerOf = (request: FastifyRequest): Writer => ({ userId: request.auth!.userId });

function withEtag<T extends { id: number }>(
  reply: FastifyReply,
  { blog, version }: { blog: T; version: number },
) {
  reply.header('etag', etagOf(blog.id, version));
  return ok(blog);
}

const blogRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.blogService;
  const rendered = service.rendered;
  const onRequest = app.authenticate;

  app.get(
    '/blogs',
    {
      config: { rateLimit: SEARCH_LIMIT },
      schema: {
        tags: ['blogs'],
        summary: 'Published blogs, newest first by default; by author, tag (slug) and title',
        description: 'Searches (a non-empty `q`) are limited to 60 a minute per IP.',
        querystring: BlogListQuery,
        response: { 200: Envelope(BlogPageSchema) },
      },
    },
    async (request, reply) => {
      // Searches are many and rarely repeated: only plain pages are kept rendered.
      if (request.query.q) return ok(await service.list(request.query));
      return sendRendered(reply, rendered, { list: request.query }, async () => ({
        data: await service.list(request.query),
      }));
    },
  );

  app.get(
    '/blogs/:id',
    {
      schema: {
        tags: ['blogs'],
        summary: 'One published blog with its markdown content and its rendered HTML',
        description: 'The `ETag` names the version; send it as `If-Match` when changing the blog.',
        params: IdParam,
        response: { 200: Envelope(BlogSchema), ...failures(404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      return sendRendered(reply, rendered, { blog: id }, async () => {
        const { blog, version } = await service.get(id);
        return { data: blog, etag: etagOf(blog.id, version) };
      });
    },
  );

  // Static paths: find-my-way matches them before the parametric /blogs/:id, whatever the order.
  app.get(
    '/blogs/hot',
    {
      schema: {
        tags: ['blogs'],
        summary: 'The hot list: the 10 most viewed published blogs of the last 7 days',
        description:
          'Views are counted by `POST /blogs/{id}/views`; the list is made from Redis and may ' +
          'lag them by up to two minutes.',
        response: { 200: Envelope(z.array(HotBlogSchema)) },
      },
    },
    async (_request, reply) =>
      sendRendered(reply, rendered, { hot: true }, async () => ({ data: await service.hot() })),
  );

  app.get(
    '/blogs/featured',
    {
      schema: {
        tags: ['blogs'],
        summary: 'Featured published blogs that have a cover, newest first (at most 10)',
        response: { 200: Envelope(z.array(BlogSummarySchema)) },
      },
    },
    async (_request, reply) =>
      sendRendered(reply, rendered, { featured: true }, async () => ({
        data: await service.featured(),
      })),
  );

  app.get(
    '/blogs/:id/adjacent',
    {
      schema: {
        tags: ['blogs'],
        summary: 'The published blogs just before and just after this one, by publication time',
        params: IdParam,
        response: { 200: Envelope(BlogAdjacentSchema), ...failures(404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      return sendRendered(reply, rendered, { adjacent: id }, async () => ({
        data: await service.adjacent(id),
      }));
    },
  );

  app.get(
    '/blogs/:id/related',
    {
      schema: {
        tags: ['blogs'],
        summary: 'Up to 4 published blogs sharing the most tags with this one, newest first',
        params: IdParam,
        response: { 200: Envelope(z.array(BlogSummarySchema)), ...failures(404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      return sendRendered(reply, rendered, { related: id }, async () => ({
        data: await service.related(id),
      }));
    },
  );

  app.post(
    '/blogs/:id/views',
    {
      config: { rateLimit: VIEW_LIMIT },
      schema: {
        tags: ['blogs'],
        summary: 'Count a view of a published blog (the blog page sends it once it is shown)',
        description:
          'Counted once per visitor per blog in an hour: the account when a bearer token is ' +
          'sent, else the address and user agent. Bots (by user agent) are not counted. ' +
          '`viewCount` on the blog follows within a few minutes (a job writes the counts back).',
        params: IdParam,
        response: { 200: Envelope(BlogViewSchema), ...failures(404, 429) },
      },
    },
    async (request) => {
      // Optional: a token that fails (expired, say) still counts the view, as anonymous.
      const auth = request.headers.authorization
        ? await app.sessions.authenticate(request.headers.authorization).catch(() => null)
        : null;
      return ok(
        await service.view(request.params.id, {
          userId: auth?.userId,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        }),
      );
    },
  );

  app.put(
    '/blogs/:id/featured',
    {
      onRequest,
      schema: {
        tags: ['blogs'],
        summary: 'Feature a blog on the home page, or stop featuring it (content.moderate)',
        description: 'Only published blogs with a cover show in `GET /blogs/featured`.',
        params: IdParam,
        body: SetFeaturedBody,
        response: { 200: Envelope(MyBlogSchema), ...failures(403, 404) },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await service.setFeatured(writerOf(request), request.params.id, request.body.featured),
      ),
  );

  app.post(
    '/blogs',
    {
      onRequest,
      schema: {
        tags: ['blogs'],
        summary: 'Write a blog; your author profile is made with your first one',
        description:
          'A `published` blog whose `pubDate` is ahead is `scheduled` until then. The markdown ' +
          'is rendered to sanitized HTML once, here.',
        body: CreateBlogBody,
        response: { 201: Envelope(MyBlogSchema) },
      },
    },
    async (request, reply) => {
      const result = await service.create(writerOf(request), request.body);
      reply.code(201).header('location', `/api/v1/me/blogs/${result.blog.id}`);
      return withEtag(reply, result);
    },
  );

  app.patch(
    '/blogs/:id',
    {
      onRequest,
      schema: {
        tags: ['blogs'],
        summary: 'Change your blog (or any, with content.moderate); only the fields given change',
        description:
          'With `If-Match` (the ETag from reading it), a blog changed since is refused with 412.',
        params: IdParam,
        headers: IfMatchHeaders,
        body: UpdateBlogBody,
        response: { 200: Envelope(MyBlogSchema), ...failures(403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const expected = ifMatchVersions(request.headers['if-match'], id);
      return withEtag(reply, await service.update(writerOf(request), id, request.body, expected));
    },
  );

  app.delete(
    '/blogs/:id',
    {
      onRequest,
      schema: {
        tags: ['blogs'],
        summary: 'Move your blog (or any, with content.moderate) to the trash',
        description: 'Its author can restore it for 30 days; then it is deleted for good.',
        params: IdParam,
        headers: IfMatchHeaders,
        response: { 200: Envelope(MyBlogSchema), ...failures(403, 404, 412) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const expected = ifMatchVersions(request.headers['if-match'], id);
      return withEtag(reply, await service.remove(writerOf(request), id, expected));
    },
  );

  app.get(
    '/tags',
    {
      schema: {
        tags: ['blogs'],
        summary: 'Tags with the number of published blogs carrying each, most used first',
        querystring: TagListQuery,
        response: { 200: Envelope(TagPageSchema) },
      },
    },
    async (request) => ok(await service.tags(request.query)),
  );

  app.get(
    '/tags/:slug',
    {
      schema: {
        tags: ['blogs'],
        summary: 'One tag by its slug, with the number of published blogs carrying it',
        description: 'A tag that no published blog carries (now) is not found.',
        params: TagParams,
        response: { 200: Envelope(TagSchema), ...failures(404) },
      },
    },
    async (request) => ok(await service.tag(request.params.slug)),
  );

  app.post(
    '/blogs/:id/restore',
    {
      onRequest,
      schema: {
        tags: ['blogs'],
        summary: 'Take your blog out of the trash, within 30 days of deleting it',
        params: IdParam,
        response: { 200: Envelope(MyBlogSchema), ...failures(403, 404) },
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.restore(writerOf(request), request.params.id)),
  );

  app.get(
    '/blogs/:id/revisions',
    {
      onRequest,
      schema: {
        tags: ['blogs'],
        summary: 'The versions saves of your published blog replaced, newest first (the latest 50)',
        params: IdParam,
        response: { 200: Envelope(z.array(BlogRevisionSchema)), ...failures(403, 404) },
      },
    },
    async (request) => ok(await service.revisions(writerOf(request), request.params.id)),
  );

  app.post(
    '/blogs/:id/revisions/:revisionId/restore',
    {
      onRequest,
      schema: {
        tags: ['blogs'],
        summary: 'Make a kept version the current one (the current one is kept in turn)',
        description: 'With `If-Match`, a blog changed since is refused with 412.',
        params: BlogRevisionParams,
        headers: IfMatchHeaders,
        response: { 200: Envelope(MyBlogSchema), ...failures(403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { id, revisionId } = request.params;
      const expected = ifMatchVersions(request.headers['if-match'], id);
      return withEtag(
        reply,
        await service.restoreRevision(writerOf(request), id, revisionId, expected),
      );
    },
  );

  app.get(
    '/me/blogs',
    {
      onRequest,
      schema: {
        tags: ['account'],
        summary: 'Your own blogs in every state: draft, scheduled, published or in the trash',
        description: 'Without `status`, every blog that is not in the trash.',
        querystring: MyBlogListQuery,
        response: { 200: Envelope(MyBlogPageSchema) },
      },
    },
    async (request) => ok(await service.listMine(writerOf(request), request.query)),
  );

  app.get(
    '/me/blogs/:id',
    {
      onRequest,
      schema: {
        tags: ['account'],
        summary: 'One of your blogs in any state, to edit it (moderators: anyone’s)',
        description: 'The `ETag` names the version; send it as `If-Match` when changing the blog.',
        params: IdParam,
        response: { 200: Envelope(MyBlogSchema), ...failures(403, 404) },
      },
    },
    async (request, reply) =>
      withEtag(reply, await service.getMine(writerOf(request), request.params.id)),
  );
};

export default blogRoutes;
