import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env';
import { waitFor } from './helpers';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Runs src/server.ts as a real process. */
function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      WEB_DIST: '/nonexistent',
      UPLOADS_DIR: join(tmpdir(), 'folio-uploads-server-test'),
      SEED_ON_EMPTY: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** The `msg` of each JSON log line in a process's output. */
const messages = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);

async function waitForReady(port: number) {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health/live`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

describe('the server process', () => {
  it('stops with one line naming a bad setting', async () => {
    const server = startServer({ PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^folio: Invalid setting PORT="eighty"/);
  });

  it('stops with one line saying MariaDB is down, where, and how to start it', async () => {
    const server = startServer({ PORT: '0', DATABASE_URL: 'mysql://root@127.0.0.1:1/folio_test' });
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/MariaDB is not reachable at 127\.0\.0\.1:1 .*start-stop-daemon/);
  });

  it('stops with one line saying Redis is down, where, and how to start it', async () => {
    const server = startServer({ PORT: '0', REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Redis is not reachable at 127\.0\.0\.1:1 .*redis-server/);
  });

  it('says in its first line that a production start with the outbox is a local demo', async () => {
    const port = await freePort();
    // What `pnpm start` sets (apps/api/package.json), with this run's database and port.
    const server = startServer({
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      MAIL_TRANSPORT: 'outbox',
      SMS_TRANSPORT: 'outbox',
      JWT_SECRET: 'a-test-only-secret-of-more-than-32-bytes-4d9f',
      SITE_ORIGIN: `http://localhost:${port}`,
    });
    try {
      await waitForReady(port);
      const first = JSON.parse(server.output().split('\n')[0]!) as { level: number; msg: string };
      expect(first.level).toBe(40);
      expect(first.msg).toMatch(
        /^local demo: mail and SMS go to the outbox table \(outbox_messages\), not to people; for a real deployment set MAIL_TRANSPORT=smtp/,
      );
      // No SPA is built here (WEB_DIST is missing), so this process does not serve SITE_ORIGIN.
      await waitFor(
        () => messages(server.output()).includes(`Folio is running: open http://127.0.0.1:${port}`),
        'the start-up line naming the listen address',
      );
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('says the address to open: SITE_ORIGIN, when it serves the SPA there', async () => {
    const port = await freePort();
    const webDist = mkdtempSync(join(tmpdir(), 'folio-server-dist-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Folio</title>');
    const server = startServer({
      PORT: String(port),
      LOG_LEVEL: 'info',
      WEB_DIST: webDist,
      SITE_ORIGIN: `http://localhost:${port}`,
    });
    try {
      await waitForReady(port);
      await waitFor(
        () => messages(server.output()).some((m) => m.startsWith('Folio is running')),
        'the start-up line',
      );
      const lines = messages(server.output()).filter((m) => m.startsWith('Folio is running'));
      expect(lines).toEqual([`Folio is running: open http://localhost:${port}`]);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(webDist, { recursive: true, force: true });
    }
  });

  it('finishes a request in flight on SIGTERM, then exits 0 within 10 s', async () => {
    const port = await freePort();
    const server = startServer({ PORT: String(port), SHUTDOWN_DRAIN_MS: '0' });
    await waitForReady(port);
    // A write lock on blogs holds the list request inside the server while the signal arrives.
    // Its page size is asked for nowhere else: a page some other request had rendered would be
    // answered from Redis, without reading the table.
    const locker = await mysql.createConnection({ uri: TEST_DATABASE_URL });
    await locker.query('LOCK TABLES blogs WRITE');
    let answered = false;
    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/blogs?perPage=97`).then((res) => {
      answered = true;
      return res;
    });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    await locker.query('UNLOCK TABLES');
    await locker.end();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(fetch(`http://127.0.0.1:${port}/api/v1/health/live`)).rejects.toThrow();
  });

  it('on SIGTERM fails readiness first, serves through the drain, then lets requests in flight finish', async () => {
    const port = await freePort();
    // The held request below outlasts the drain; the statement deadline must not end it first.
    const server = startServer({
      PORT: String(port),
      SHUTDOWN_DRAIN_MS: '2000',
      DB_QUERY_TIMEOUT_MS: '30000',
    });
    await waitForReady(port);
    const base = `http://127.0.0.1:${port}/api/v1`;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);

    const locker = await mysql.createConnection({ uri: TEST_DATABASE_URL });
    await locker.query('LOCK TABLES blogs WRITE');
    // Held by the lock as above, with a page size of its own (not rendered by the test before).
    const inFlight = fetch(`${base}/blogs?perPage=98`);
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGTERM');

    const ready = await waitFor(async () => {
      const res = await fetch(`${base}/health/ready`);
      return res.status === 503 ? res : null;
    }, 'readiness to fail');
    expect(await ready.json()).toMatchObject({ result: false, code: 'UNAVAILABLE' });
    // Still listening and serving: a load balancer that has not noticed yet loses nothing.
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(server.child.exitCode).toBeNull();

    // Once the drain is over new requests are refused (or, on a kept-alive connection, get a 503
    // envelope), while the held request is still running.
    await waitFor(
      () =>
        fetch(`${base}/health/live`).then(
          (res) => res.status === 503,
          () => true,
        ),
      'the listener to close',
    );
    expect(server.child.exitCode).toBeNull();
    await locker.query('UNLOCK TABLES');
    await locker.end();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect((await res.json()).result).toBe(true);
    expect(await server.exited).toBe(0);
  });
});
