import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app';
import { testConfig, waitFor } from './helpers';

let app: App;
let text = '';
let webDist: string;

const lines = () =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  // A built SPA of one page, so its routes answer as they do in production.
  webDist = mkdtempSync(join(tmpdir(), 'folio-logging-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Folio</title>');
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  app = await buildApp(testConfig({ LOG_LEVEL: 'info', WEB_DIST: webDist, OAUTH_PROVIDERS: '' }), {
    logStream: stream,
  });
});

afterAll(async () => {
  await app?.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe('the request log line', () => {
  it('never shows the tokens of mailed links, OAuth callbacks or pending tickets', async () => {
    const secrets = {
      '/api/v1/auth/oauth/github/callback?code=oauth-code-4f1e&state=oauth-state-9a2b': [
        'oauth-code-4f1e',
        'oauth-state-9a2b',
      ],
      '/reset-password?token=reset-token-77c1': ['reset-token-77c1'],
      '/verify-email?token=verify-token-3d08': ['verify-token-3d08'],
      '/confirm-email?token=confirm-token-b6e5&lang=en': ['confirm-token-b6e5'],
      '/Verify-Email/?token=verify-token-upper-51': ['verify-token-upper-51'],
      '/login?oauth=pending-ticket-0c9d&next=%2Fblogs': ['pending-ticket-0c9d'],
    };
    for (const url of Object.keys(secrets)) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
    }
    const ordinary = '/api/v1/blogs?page=1&perPage=5&q=old%20man';
    expect((await app.inject({ method: 'GET', url: ordinary })).statusCode).toBe(200);

    const requests = await waitFor(() => {
      const found = lines().filter((l) => l.msg === 'request');
      return found.length >= 7 ? found : null;
    }, 'the request lines');
    for (const value of Object.values(secrets).flat()) expect(text).not.toContain(value);
    const urls = requests.map((l) => l.url);
    expect(urls).toContain('/api/v1/auth/oauth/github/callback?[redacted]');
    expect(urls).toContain('/reset-password?[redacted]');
    expect(urls).toContain('/verify-email?[redacted]');
    expect(urls).toContain('/confirm-email?[redacted]');
    expect(urls).toContain('/login?oauth=[redacted]&next=%2Fblogs');
    expect(requests.find((l) => l.url === ordinary)).toMatchObject({
      method: 'GET',
      route: '/api/v1/blogs',
      status: 200,
    });
    expect(requests.find((l) => l.url === '/reset-password?[redacted]')).toMatchObject({
      status: 200,
    });
  });
});

describe('redaction', () => {
  it('keeps error codes and delivery failure codes, and still hides secrets', async () => {
    // A real refused connection, as mysql2 or ioredis would meet it.
    const refused = await new Promise<Error>((resolve) => {
      const socket = connect(1, '127.0.0.1');
      socket.on('error', resolve);
    });
    expect((refused as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
    app.log.error({ err: refused }, 'dependency refused');
    app.log.warn({ reason: 'Invalid login', code: 'EAUTH' }, 'delivery failed');
    app.log.info(
      {
        body: { phone: '+8613800001234', code: '482913', password: 'pw-hunter2' },
        headers: { authorization: 'Bearer header-secret-55' },
        refreshToken: 'refresh-secret-66',
      },
      'with secrets',
    );

    const find = (msg: string) =>
      waitFor(() => lines().find((l) => l.msg === msg), `the line "${msg}"`);
    expect(await find('dependency refused')).toMatchObject({
      err: { code: 'ECONNREFUSED', type: 'Error' },
    });
    expect(await find('delivery failed')).toMatchObject({ code: 'EAUTH' });
    expect(await find('with secrets')).toMatchObject({
      body: { phone: '+8613800001234', code: '[redacted]', password: '[redacted]' },
      headers: { authorization: '[redacted]' },
      refreshToken: '[redacted]',
    });
    for (const secret of ['482913', 'pw-hunter2', 'header-secret-55', 'refresh-secret-66']) {
      expect(text).not.toContain(secret);
    }
  });
});
