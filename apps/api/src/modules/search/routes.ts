import { Envelope, SearchPageSchema, SearchQuery } from '@folio/schema';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ok } from '../../lib/route-schema';
import { SEARCH_ROUTE_LIMIT } from '../../plugins/external/rate-limit';

const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.searchService;

  app.get(
    '/search',
    {
      config: { rateLimit: SEARCH_ROUTE_LIMIT },
      schema: {
        tags: ['search'],
        summary: 'Published blogs with every word of q, in title, excerpt, text or tags',
        description:
          'Title matches rank first. English words match inside longer ones (`river` finds ' +
          '`rivers`), Chinese terms without spaces (`盖茨比` finds `了不起的盖茨比`). `titleHtml` ' +
          'and `snippetHtml` are HTML: `<mark>` around matches, everything else escaped. ' +
          'Limited to 60 a minute per IP.',
        querystring: SearchQuery,
        response: { 200: Envelope(SearchPageSchema) },
      },
    },
    async (request, reply) => {
      const text = await service.rendered(
        request.query,
        async () => reply.serializeInput(ok(await service.search(request.query)), '200') as string,
      );
      // Already serialized by the route's own response schema (above).
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(text);
    },
  );
};

export default searchRoutes;
