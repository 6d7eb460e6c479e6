import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp } from './helpers';

let app: App;
let port: number;
let entered: () => void;
let release: () => void;
const inHandler = new Promise<void>((resolve) => (entered = resolve));
const released = new Promise<void>((resolve) => (release = resolve));
let closeBegan: () => void;
const closing = new Promise<void>((resolve) => (closeBegan = resolve));

beforeAll(async () => {
  ({ app } = await buildTestApp());
  // A request that stays in its handler until the test lets it go, so close() has to wait for it.
  app.get('/api/v1/test-held', async () => {
    entered();
    await released;
    return { result: true, data: 'done' };
  });
  app.addHook('preClose', async () => closeBegan());
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  release();
  await app.close();
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses the HTTP/1.1 responses a raw socket received, one after another. */
function parseResponses(raw: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = raw;
  while (rest.startsWith('HTTP/1.1 ')) {
    const end = rest.indexOf('\r\n\r\n');
    const [statusLine, ...lines] = rest.slice(0, end).split('\r\n');
    const headers = Object.fromEntries(
      lines.map((l) => {
        const i = l.indexOf(':');
        return [l.slice(0, i).toLowerCase(), l.slice(i + 1).trim()];
      }),
    );
    const length = Number(headers['content-length']);
    const bodyBytes = Buffer.from(rest.slice(end + 4)).subarray(0, length);
    const body = bodyBytes.toString();
    responses.push({ status: Number(statusLine!.split(' ')[1]), headers, body });
    rest = Buffer.from(rest.slice(end + 4))
      .subarray(length)
      .toString();
  }
  return responses;
}

/** Sends raw bytes (each chunk when the previous step says so) and collects all that comes back. */
function rawExchange(chunks: (string | (() => Promise<string>))[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    socket.on('connect', async () => {
      for (const chunk of chunks) socket.write(typeof chunk === 'string' ? chunk : await chunk());
    });
  });
}

function expectEnvelope(res: RawResponse, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body).toEqual({
    result: false,
    code,
    msg: expect.any(String),
    requestId: res.headers['x-request-id'],
  });
  expect(body.requestId).toEqual(expect.any(String));
  return body;
}

describe('answers made outside the routes are envelopes too', () => {
  it('answers headers over the limit with a 431 envelope', async () => {
    const raw = await rawExchange([
      `GET /api/v1/health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]);
    const [res] = parseResponses(raw);
    expectEnvelope(res!, 431, 'HEADERS_TOO_LARGE');
  });

  it('answers a request Node cannot parse with a 400 envelope', async () => {
    const raw = await rawExchange(['GET /api/v1/health/live HTTP/1.1\r\nHost x\r\n\r\n']);
    const [res] = parseResponses(raw);
    expectEnvelope(res!, 400, 'BAD_REQUEST');
  });

  it('answers an undecodable URL with a 400 envelope that echoes nothing', async () => {
    const raw = await rawExchange([
      'GET /api/v1/blogs/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAccept-Language: zh-CN\r\nConnection: close\r\n\r\n',
    ]);
    const [res] = parseResponses(raw);
    const body = expectEnvelope(res!, 400, 'BAD_REQUEST');
    expect(body.msg).toBe('无法解析该请求。');
    expect(res!.body).not.toContain('%E0');
    expect(res!.body).not.toContain('FST_');
  });

  it('answers a path parameter over the length limit with a 414 envelope that echoes nothing', async () => {
    const long = '1'.repeat(150);
    const raw = await rawExchange([
      `GET /api/v1/blogs/${long} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    ]);
    const [res] = parseResponses(raw);
    expectEnvelope(res!, 414, 'URI_TOO_LONG');
    expect(res!.body).not.toContain(long);
    expect(res!.body).not.toContain('FST_');
  });

  // Last: it closes the app.
  it('answers a request that arrives while the app closes with a 503 envelope, and finishes the one in flight', async () => {
    let closed: Promise<undefined> | undefined;
    const raw = await rawExchange([
      'GET /api/v1/test-held HTTP/1.1\r\nHost: x\r\n\r\n',
      async () => {
        await inHandler;
        closed = app.close();
        await closing;
        return 'GET /api/v1/health/live HTTP/1.1\r\nHost: x\r\n\r\n';
      },
      async () => {
        // The second request is read while the first is still held; then the first may finish.
        await new Promise((r) => setTimeout(r, 200));
        release();
        return '';
      },
    ]);
    await closed;
    const [held, late] = parseResponses(raw);
    expect(held!.status).toBe(200);
    expect(JSON.parse(held!.body)).toEqual({ result: true, data: 'done' });
    expectEnvelope(late!, 503, 'UNAVAILABLE');
    expect(late!.headers.connection).toBe('close');
  });
});
