import type { Redis } from 'ioredis';
import fp from 'fastify-plugin';
import { createRedis } from '../../lib/redis';

declare module 'fastify' {
  interface FastifyInstance {
    redis: Redis;
  }
}

export default fp(
  async (app) => {
    const redis = createRedis(app.config.REDIS_URL);
    // Errors surface on the commands that fail; the connection's own events only need a log line.
    let lastLogged = 0;
    redis.on('error', (err) => {
      if (Date.now() - lastLogged > 10_000) {
        lastLogged = Date.now();
        app.log.warn({ err }, 'redis connection error');
      }
    });
    // Wait for the first connection so the first requests find Redis ready; when it is down the
    // app still starts (requests that need it answer 503) and ioredis keeps reconnecting.
    await redis.connect().catch(() => undefined);
    app.decorate('redis', redis);
    app.addHook('onClose', async () => {
      redis.disconnect();
    });
  },
  { name: 'redis', dependencies: ['config'] },
);
