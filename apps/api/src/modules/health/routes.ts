import { Envelope, HealthSchema } from '@folio/schema';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, Unavailable } from '../../lib/errors';
import { fromLoopback } from '../../lib/loopback';
import { ok } from '../../lib/route-schema';

const READY_TIMEOUT_MS = 1_000;

async function timed(check: () => Promise<unknown>) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)),
          READY_TIMEOUT_MS,
        );
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, ms: Math.round(performance.now() - started), err };
  } finally {
    clearTimeout(timer);
  }
}

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'The process answers',
        response: { 200: Envelope(HealthSchema) },
      },
    },
    async () => ok({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'MariaDB and Redis both answer within a second',
        description:
          'Callers on this machine (not forwarded by a proxy) also get each check and its time, or which one is down.',
        response: { 200: Envelope(HealthSchema) },
      },
    },
    async (request) => {
      if (app.lifecycle.draining || app.lifecycle.closing) {
        throw new AppError('UNAVAILABLE', fromLoopback(request) ? { detail: 'shuttingDown' } : {});
      }
      const [mariadb, redis] = await Promise.all([
        timed(() => app.db.execute(sql`select 1`)),
        timed(() => app.redis.ping()),
      ]);
      // Which dependency is down, and how fast each answers, is for this machine's operators only.
      const local = fromLoopback(request);
      const down = [mariadb.ok || 'MariaDB', redis.ok || 'Redis'].filter((d) => d !== true);
      if (down.length) {
        throw Unavailable(down.join(' + '), mariadb.err ?? redis.err, { tell: local });
      }
      if (!local) return ok({ status: 'ok' as const });
      return ok({
        status: 'ok' as const,
        checks: { mariadb: { ok: true, ms: mariadb.ms }, redis: { ok: true, ms: redis.ms } },
      });
    },
  );
};

export default healthRoutes;
