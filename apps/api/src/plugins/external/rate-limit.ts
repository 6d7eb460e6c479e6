import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { AppError } from '../../lib/errors';

/**
 * Per-route request limits (`config.rateLimit` on a route; none by default), counted in Redis so
 * every API process shares them. Keys: `rl:<METHOD><url>-<ip>`. An exceeded limit is thrown as
 * RATE_LIMITED with `Retry-After`, so the one error handler answers it.
 */
export default fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      redis: app.redis,
      nameSpace: 'rl:',
      errorResponseBuilder: (_request, context) =>
        new AppError('RATE_LIMITED', { retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)) }),
    });
  },
  { name: 'rate-limit', dependencies: ['redis', 'errors'] },
);
