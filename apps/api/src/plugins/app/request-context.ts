import type { Locale } from '@folio/schema';
import { pickLocale } from '@folio/schema';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
}

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Keeps a well-formed incoming `x-request-id` (a proxy's), otherwise makes one. */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Request id on every response and the reader's locale on every request. */
export default fp(
  async (app) => {
    app.decorateRequest('locale', 'en');
    app.addHook('onRequest', async (request, reply) => {
      request.locale = pickLocale(request.headers['accept-language']);
      reply.header('x-request-id', request.id);
    });
  },
  { name: 'request-context' },
);
