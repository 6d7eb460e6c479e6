import { ERROR_CODES, ERROR_MESSAGES, LOCALES } from '@folio/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { App } from '../src/app';
import { buildTestApp } from './helpers';

let app: App;
let logs: Record<string, unknown>[];

beforeAll(async () => {
  ({ app, logs } = await buildTestApp({ BODY_LIMIT_BYTES: '2048' }, { captureLogs: true }));
  // Routes that exist only here, to reach the error paths a body or a bug takes.
  app.post(
    '/api/v1/test-echo',
    { schema: { body: z.object({ name: z.string().min(2), password: z.string().optional() }) } },
    async (request) => ({ result: true, data: request.body }),
  );
  const Shape = z.object({
    result: z.literal(true),
    data: z.object({ id: z.number(), name: z.string() }),
  });
  app.get('/api/v1/test-extra', { schema: { response: { 200: Shape } } }, async () => ({
    result: true as const,
    data: { id: 1, name: 'x', passwordHash: 'secret-hash' },
  }));
  app.get('/api/v1/test-missing', { schema: { response: { 200: Shape } } }, async () => ({
    result: true as const,
    data: { id: 1 } as { id: number; name: string },
  }));
  app.get('/api/v1/test-crash', async () => {
    throw new Error("ER_PARSE_ERROR near 'SELECT * FROM users WHERE secret'");
  });
  await app.ready();
});
afterAll(() => app.close());

function expectFailure(
  res: { statusCode: number; json: () => unknown; headers: Record<string, unknown> },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ result: false, code, msg: expect.any(String) });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

describe('the failure envelope', () => {
  it('answers an unknown route with a 404 envelope', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nope?x=1' });
    const body = expectFailure(res, 404, 'NOT_FOUND');
    expect(body.msg).toBe('No route GET /api/v1/nope.');
    const post = await app.inject({ method: 'DELETE', url: '/elsewhere' });
    expectFailure(post, 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with a 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expectFailure(res, 400, 'BAD_REQUEST');
  });

  it('answers a body over the limit with a 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      payload: { name: 'x'.repeat(5000) },
    });
    expectFailure(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported content type with a 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'name=x',
    });
    expectFailure(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers invalid fields with a 422 and a message per field, translated', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      payload: { name: 'x' },
    });
    const body = expectFailure(res, 422, 'VALIDATION_FAILED');
    expect(body.errors).toEqual({ name: expect.stringContaining('2') });
    const zh = await app.inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      headers: { 'accept-language': 'zh-CN' },
      payload: { name: 'x' },
    });
    expect(zh.json()).toMatchObject({ msg: '部分字段填写有误。' });
    expect(zh.json().errors.name).toMatch(/[\u4e00-\u9fff]/);
  });

  it('hides internals of an unexpected error behind a 500, and logs them', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/test-crash' });
    const body = expectFailure(res, 500, 'INTERNAL');
    expect(res.body).not.toMatch(/SELECT|ER_PARSE|stack|at /);
    expect(body.msg).toBe('Something went wrong on our side.');
    const line = logs.find((l) => l.reqId === body.requestId && l.level === 50);
    expect(JSON.stringify(line)).toContain('ER_PARSE_ERROR');
  });
});

describe('responses go out through their schema', () => {
  it('writes only declared fields', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/test-extra' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ result: true, data: { id: 1, name: 'x' } });
    expect(res.body).not.toContain('secret-hash');
  });

  it('answers a 500 envelope when a handler leaves out a required field', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/test-missing' });
    expectFailure(res, 500, 'INTERNAL');
  });
});

describe('request ids', () => {
  it('keeps a valid incoming x-request-id and replaces a bad one', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/api/v1/nope',
      headers: { 'x-request-id': 'proxy-1234abcd' },
    });
    expect(kept.headers['x-request-id']).toBe('proxy-1234abcd');
    expect(kept.json().requestId).toBe('proxy-1234abcd');
    const replaced = await app.inject({
      method: 'GET',
      url: '/api/v1/health/live',
      headers: { 'x-request-id': 'bad id\n<script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('logs', () => {
  it('writes one line per request with id, method, route, status and time, secrets redacted', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/test-echo',
      headers: {
        authorization: 'Bearer very-secret-token',
        cookie: 'refresh=secret-cookie',
        'x-request-id': 'log-test-0001',
      },
      payload: { name: 'xy', password: 'hunter2-password' },
    });
    expect(res.statusCode).toBe(200);
    const lines = logs.filter((l) => l.reqId === 'log-test-0001');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request',
      method: 'POST',
      route: '/api/v1/test-echo',
      status: 200,
      ms: expect.any(Number),
    });
    const everything = JSON.stringify(logs);
    expect(everything).not.toContain('very-secret-token');
    expect(everything).not.toContain('secret-cookie');
    expect(everything).not.toContain('hunter2-password');
  });

  it('redacts password-like fields when a body is logged', async () => {
    app.log.info({ body: { password: 'pw-1', newPassword: 'pw-2' }, password: 'pw-3' }, 'x');
    const everything = JSON.stringify(logs);
    expect(everything).not.toMatch(/pw-[123]/);
    expect(everything).toContain('[redacted]');
  });
});

describe('the message catalogue', () => {
  it('has a message for every error code in every locale', () => {
    for (const code of ERROR_CODES) {
      for (const locale of LOCALES) expect(ERROR_MESSAGES[code][locale]).toMatch(/\S/);
    }
  });

  it('picks the language from Accept-Language', async () => {
    const cases: [string, string][] = [
      ['zh-CN', '没有这篇博客。'],
      ['zh-TW,zh;q=0.8', '没有这篇博客。'],
      ['fr-FR, en;q=0.5, zh;q=0.4', 'No such blog.'],
      ['en;q=0.2, zh-CN;q=0.9', '没有这篇博客。'],
      ['de', 'No such blog.'],
    ];
    for (const [header, msg] of cases) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/blogs/424242',
        headers: { 'accept-language': header },
      });
      expect(res.json().msg).toBe(msg);
    }
  });
});
