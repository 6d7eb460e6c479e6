/**
 * A server under test, run as a child of run.ts so that autocannon (in the parent) does not share
 * its event loop. `app` is the real API; `baseline` is a bare Fastify route that runs the blog
 * detail's own SQL through the raw mysql2 pool. Reports `{ port }` over IPC once listening; stops
 * on SIGTERM or when the parent goes away.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { drizzle } from 'drizzle-orm/mysql2';
import Fastify, { type FastifyInstance } from 'fastify';
import type { RowDataPacket } from 'mysql2';
import { destination, multistream } from 'pino';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { createPool, type Pool } from '../src/db/connection';
import * as schema from '../src/db/schema';
import { createBlogRepository } from '../src/modules/blogs/repository';
import type { ServerKind } from './scenarios';

const HOST = '127.0.0.1';

/**
 * Where the app's log lines go: made at the production level (`info`, a line per request) and
 * written to a file descriptor as in production (here /dev/null), which is part of the cost
 * measured; warnings and worse also go to stderr, so a failing run shows why.
 */
const logSink = multistream([
  { level: 'info', stream: destination({ dest: '/dev/null', sync: true }) },
  { level: 'warn', stream: process.stderr },
]);

/** Never a real id, so the captured query's parameters show where the id goes. */
const PROBE_ID = 987_654_321;

/** The SQL and parameters the repository sends for one blog's detail, captured from drizzle. */
async function detailQuery(pool: Pool): Promise<{ sql: string; params: unknown[] }> {
  let captured: { sql: string; params: unknown[] } | undefined;
  const db = drizzle(pool, {
    schema,
    mode: 'default',
    logger: { logQuery: (sql, params) => (captured = { sql, params }) },
  });
  await createBlogRepository(db).findVisible(PROBE_ID);
  if (!captured || captured.params.filter((p) => p === PROBE_ID).length !== 1)
    throw new Error('could not capture the blog detail query');
  return captured;
}

async function baseline(config: Config): Promise<FastifyInstance> {
  const pool = createPool({ url: config.DATABASE_URL, size: config.DB_POOL_SIZE });
  const query = await detailQuery(pool);
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/blogs/:id', async (request, reply) => {
    const id = Number(request.params.id);
    const params = query.params.map((p) => (p === PROBE_ID ? id : p));
    const [rows] = await pool.query<RowDataPacket[]>(query.sql, params);
    const row = rows[0];
    if (!row) return reply.code(404).send({ result: false, code: 'NOT_FOUND' });
    return { result: true, data: row };
  });
  app.addHook('onClose', async () => {
    await pool.end();
  });
  return app;
}

/** A port free at the moment, so that SITE_ORIGIN can name it before the app is built. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function main() {
  const kind = process.argv[2] as ServerKind;
  const port = await freePort();
  const config = loadConfig({
    ...process.env,
    // The home-page scenario's browser refreshes its (absent) session from this origin.
    SITE_ORIGIN: `http://${HOST}:${port}`,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    LOG_LEVEL: 'info',
    // As behind nginx: scenarios that stand for many people (logins, searches, registrations)
    // name their client in X-Forwarded-For, so per-IP limits apply to each as in production.
    TRUST_PROXY: 'true',
    // Nothing leaves the machine, and no background worker competes for the two cores.
    MAIL_TRANSPORT: 'outbox',
    SMS_TRANSPORT: 'outbox',
    RUN_WORKER: 'false',
  });
  const app =
    kind === 'app' ? await buildApp(config, { logStream: logSink }) : await baseline(config);
  await app.listen({ host: HOST, port });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), 5_000).unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.send?.({ port: address.port });
}

main().catch((err: unknown) => {
  console.error(`bench server (${process.argv[2]}) failed:`, err);
  process.exit(1);
});
