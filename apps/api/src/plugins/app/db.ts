import fp from 'fastify-plugin';
import { createDb, createPool, type Db, type Pool } from '../../db/connection';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    pool: Pool;
  }
}

export default fp(
  async (app) => {
    const pool = createPool({
      url: app.config.DATABASE_URL,
      size: app.config.DB_POOL_SIZE,
      idleTimeoutMs: app.config.DB_IDLE_TIMEOUT_MS,
      queryTimeoutMs: app.config.DB_QUERY_TIMEOUT_MS,
      acquireTimeoutMs: app.config.DB_ACQUIRE_TIMEOUT_MS,
      queueLimit: app.config.DB_QUEUE_LIMIT,
    });
    app.decorate('pool', pool);
    app.decorate('db', createDb(pool));
    app.addHook('onClose', async () => {
      // A pool that never reached its server has nothing to close gracefully.
      await pool.end().catch((err: unknown) => app.log.debug({ err }, 'pool end'));
    });
  },
  { name: 'db', dependencies: ['config'] },
);
