import { AuthorListQuery, AuthorPageSchema, AuthorSchema, Envelope, IdParam } from '@folio/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, ok } from '../../lib/route-schema';
import { SEARCH_LIMIT } from '../../plugins/external/rate-limit';

const authorRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.authorService;

  app.get(
    '/authors',
    {
      config: { rateLimit: SEARCH_LIMIT },
      schema: {
        tags: ['authors'],
        summary: 'Authors with the number of blogs each has published',
        description: 'Searches (a non-empty `q`) are limited to 60 a minute per IP.',
        querystring: AuthorListQuery,
        response: { 200: Envelope(AuthorPageSchema) },
      },
    },
    async (request) => ok(await service.list(request.query)),
  );

  app.get(
    '/authors/:id',
    {
      schema: {
        tags: ['authors'],
        summary: 'One author',
        params: IdParam,
        response: { 200: Envelope(AuthorSchema), ...failures(404) },
      },
    },
    async (request) => ok(await service.get(request.params.id)),
  );
};

export default authorRoutes;
