import { BlogListQuery, BlogPageSchema, BlogSchema, Envelope, IdParam } from '@folio/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, ok } from '../../lib/route-schema';
import { SEARCH_LIMIT } from '../../plugins/external/rate-limit';

const blogRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.blogService;

  app.get(
    '/blogs',
    {
      config: { rateLimit: SEARCH_LIMIT },
      schema: {
        tags: ['blogs'],
        summary: 'Published blogs, newest first by default',
        description: 'Searches (a non-empty `q`) are limited to 60 a minute per IP.',
        querystring: BlogListQuery,
        response: { 200: Envelope(BlogPageSchema) },
      },
    },
    async (request) => ok(await service.list(request.query)),
  );

  app.get(
    '/blogs/:id',
    {
      schema: {
        tags: ['blogs'],
        summary: 'One published blog with its markdown content',
        params: IdParam,
        response: { 200: Envelope(BlogSchema), ...failures(404) },
      },
    },
    async (request) => ok(await service.get(request.params.id)),
  );
};

export default blogRoutes;
