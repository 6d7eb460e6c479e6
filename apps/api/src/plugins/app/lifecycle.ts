import fp from 'fastify-plugin';
import { AppError } from '../../lib/errors';

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle;
  }
}

export interface Lifecycle {
  /** Set on SIGTERM before the listener closes: readiness fails so a load balancer moves on. */
  draining: boolean;
  /** Set once `close()` has begun: requests still arriving on open connections get a 503. */
  closing: boolean;
}

export default fp(
  async (app) => {
    const lifecycle: Lifecycle = { draining: false, closing: false };
    app.decorate('lifecycle', lifecycle);
    app.addHook('preClose', async () => {
      lifecycle.closing = true;
    });
    app.addHook('onRequest', async (_request, reply) => {
      if (!lifecycle.closing) return;
      reply.header('connection', 'close');
      throw new AppError('UNAVAILABLE', { retryAfter: 1 });
    });
  },
  { name: 'lifecycle', dependencies: ['request-context', 'errors'] },
);
