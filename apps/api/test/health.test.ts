import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp, makeAuthor, makeBlog, resetData } from './helpers';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('health', () => {
  it('live answers while the process runs', async () => {
    ({ app } = await buildTestApp());
    const res = await app.inject({ method: 'GET', url: '/api/v1/health/live' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ result: true, data: { status: 'ok' } });
  });

  it('ready checks MariaDB and Redis', async () => {
    ({ app } = await buildTestApp());
    const res = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({
      status: 'ok',
      checks: { mariadb: { ok: true }, redis: { ok: true } },
    });
  });

  it('ready is a 503 naming Redis when Redis cannot be reached, and answers fast', async () => {
    ({ app } = await buildTestApp({ REDIS_URL: 'redis://127.0.0.1:1' }));
    const started = Date.now();
    const res = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      result: false,
      code: 'UNAVAILABLE',
      msg: 'Redis is unavailable.',
    });
  });

  it('ready is a 503 naming MariaDB when the database cannot be reached', async () => {
    ({ app } = await buildTestApp({ DATABASE_URL: 'mysql://root@127.0.0.1:1/folio_test' }));
    const res = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'UNAVAILABLE', msg: 'MariaDB is unavailable.' });
  });

  it('tells the public only that it is not ready, never which part is down', async () => {
    let logs: Record<string, unknown>[];
    ({ app, logs } = await buildTestApp(
      { DATABASE_URL: 'mysql://root@127.0.0.1:1/folio_test' },
      { captureLogs: true },
    ));
    const outside = [
      { remoteAddress: '203.0.113.9' },
      // A proxy on this machine forwards someone else's request.
      { remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } },
    ];
    for (const from of outside) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/health/ready', ...from });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        result: false,
        code: 'UNAVAILABLE',
        msg: 'Folio is temporarily unavailable; please try again in a moment.',
        requestId: res.headers['x-request-id'],
      });
    }
    // A search: plain pages may be answered from Redis, which is up, while MariaDB is down.
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/blogs?q=health',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(list.statusCode).toBe(503);
    expect(list.json()).toMatchObject({
      code: 'UNAVAILABLE',
      msg: 'Folio 暂时不可用，请稍后再试。',
    });
    expect(list.body).not.toContain('MariaDB');
    // The log still says which.
    const errors = logs.filter((l) => Number(l.level) >= 50).map((l) => l.msg);
    expect(errors).toContain('MariaDB unavailable');
  });

  it('gives its checks only to callers on this machine', async () => {
    ({ app } = await buildTestApp());
    const outside = await app.inject({
      method: 'GET',
      url: '/api/v1/health/ready',
      remoteAddress: '198.51.100.4',
    });
    expect(outside.statusCode).toBe(200);
    expect(outside.json()).toEqual({ result: true, data: { status: 'ok' } });
    const local = await app.inject({
      method: 'GET',
      url: '/api/v1/health/ready',
      remoteAddress: '::1',
    });
    expect(local.json().data.checks).toMatchObject({ mariadb: { ok: true }, redis: { ok: true } });
  });

  it('still lists blogs when only the Redis cache of totals is down', async () => {
    const healthy = await buildTestApp();
    await resetData(healthy.app);
    const author = await makeAuthor(healthy.app);
    await makeBlog(healthy.app, author.id);
    await healthy.app.close();
    ({ app } = await buildTestApp({ REDIS_URL: 'redis://127.0.0.1:1' }));
    const res = await app.inject({ method: 'GET', url: '/api/v1/blogs' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.total).toBe(1);
  });
});
