import { Envelope, OutboxListQuery, OutboxPageSchema } from '@folio/schema';
import type { onRequestHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors';
import { failures, ok } from '../../lib/route-schema';
import { outboxAvailable } from './service';

/** The outbox page's reads; a production deployment with real transports has none (404). */
const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const guard = app.requires('system.settings');
  const available = outboxAvailable(app.config);
  // Before the token and the permission: such a deployment has no outbox, for anyone.
  const present: onRequestHookHandler = async () => {
    if (!available) throw new AppError('NOT_FOUND');
  };

  app.get(
    '/admin/outbox',
    {
      ...guard,
      onRequest: [present, ...guard.onRequest],
      schema: {
        tags: ['admin'],
        summary: 'The mail and SMS kept by the outbox transports, newest first',
        description:
          'Each with the link of a mail (`link`) or the code of an SMS (`code`). Outside ' +
          'production, or in production while a transport is the outbox (the local demo); ' +
          'otherwise 404.',
        querystring: OutboxListQuery,
        response: { 200: Envelope(OutboxPageSchema), ...failures(403, 404) },
      },
    },
    async (request) => ok(await app.outboxService.list(request.query)),
  );
};

export default outboxRoutes;
