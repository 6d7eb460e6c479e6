import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { migrateDatabase } from '../src/db/migrate';
import { buildTestApp, waitFor } from './helpers';
import { startOwnMariaDb } from './own-mariadb';

let server: Awaited<ReturnType<typeof startOwnMariaDb>> | undefined;
let app: App | undefined;

beforeAll(async () => {
  server = await startOwnMariaDb();
  const url = server.url('folio');
  await migrateDatabase(url);
  // Three connections, so most requests have to wait for one: both deadlines are reached.
  ({ app } = await buildTestApp({ DATABASE_URL: url, DB_POOL_SIZE: '3', RUN_WORKER: 'false' }));
}, 90_000);

afterAll(async () => {
  server?.resume();
  await app?.close();
  await server?.stop();
}, 30_000);

// Each request a page of its own (the first one, page 1, before the freeze): an answer kept
// rendered in Redis would not ask MariaDB.
const list = (i: number) =>
  app!.inject({
    method: 'GET',
    url: `/api/v1/blogs?page=${i + 1}`,
    remoteAddress: `127.0.3.${i + 1}`,
  });

describe('a frozen MariaDB (SIGSTOP, its connections left open)', () => {
  it('answers 503 envelopes while it is frozen, drops the stuck connections, and recovers', async () => {
    // Fill the pool, and note the server threads behind its connections.
    const held = await Promise.all([1, 2, 3].map(() => app!.pool.getConnection()));
    const threads = held.map((c) => c.threadId);
    held.forEach((c) => c.release());
    expect((await list(0)).statusCode).toBe(200);

    server!.freeze();
    let frozen = true;
    // Without deadlines the requests would wait for the server: wake it after a while, so such a
    // failure shows as answers given after the freeze rather than as a test timeout.
    const wake = setTimeout(() => {
      frozen = false;
      server!.resume();
    }, 12_000);
    let answers: { status: number; body: Record<string, unknown>; frozen: boolean }[];
    try {
      answers = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const res = await list(i + 1);
          return { status: res.statusCode, body: res.json(), frozen };
        }),
      );
    } finally {
      clearTimeout(wake);
      frozen = false;
      server!.resume();
    }

    for (const answer of answers) {
      // Answered while the server was still stopped: nobody waited for it to wake.
      expect(answer.frozen).toBe(true);
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ result: false, code: 'UNAVAILABLE' });
      expect(answer.body.requestId).toEqual(expect.any(String));
    }

    await waitFor(async () => (await list(30)).statusCode === 200, 'the API to recover');
    const [ok] = await Promise.all([list(31), list(32), list(33), list(34)]);
    expect(ok.statusCode).toBe(200);

    // The connections that were stuck were destroyed, not handed out again once the answer came.
    await waitFor(async () => {
      const [rows] = await app!.pool.query(
        `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID IN (${threads.join(',')})`,
      );
      return (rows as { n: number }[])[0]!.n === 0;
    }, 'the stuck connections to be gone');
  });
});
