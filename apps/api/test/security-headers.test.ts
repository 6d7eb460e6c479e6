import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp } from './helpers';

let app: App;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'folio-headers-'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>Folio</title>');
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'assets', 'index-AbC123.js'), 'console.log(1);');
  await writeFile(join(dist, 'assets', 'index-AbC123.css'), 'body{margin:0}');
  await writeFile(
    join(dist, 'assets', 'logo-AbC123.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  ({ app } = await buildTestApp({ WEB_DIST: dist }));
});
afterAll(async () => {
  await app?.close();
  await rm(dist, { recursive: true, force: true });
});

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Record<string, string[]> {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectCommonHeaders(headers: Record<string, unknown>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');
  // Over http (the test's SITE_ORIGIN) a browser ignores HSTS; it is only sent for https sites.
  expect(headers['strict-transport-security']).toBeUndefined();
  const csp = directives(headers['content-security-policy']);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  const scripts = csp['script-src'] ?? csp['default-src']!;
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  return csp;
}

describe('security headers from the API', () => {
  it('on the SPA: only its own scripts and styles', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    const csp = expectCommonHeaders(res.headers);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp).not.toHaveProperty('upgrade-insecure-requests');
  });

  it("on the build's scripts and styles: only what applies to them, not a document's headers", async () => {
    for (const url of ['/assets/index-AbC123.js', '/assets/index-AbC123.css']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      for (const name of ['content-security-policy', 'x-frame-options', 'permissions-policy']) {
        expect(res.headers[name], `${url} ${name}`).toBeUndefined();
      }
    }
    // An SVG opened on its own is a document that can run script: it keeps the page's headers.
    const svg = await app.inject({ method: 'GET', url: '/assets/logo-AbC123.svg' });
    expect(svg.statusCode).toBe(200);
    expect(directives(svg.headers['content-security-policy'])['script-src']).toEqual(["'self'"]);
    expect(svg.headers['x-frame-options']).toBe('DENY');
  });

  it('on API routes, answers and errors alike: nothing to load', async () => {
    for (const url of ['/api/v1/health/live', '/api/v1/no-such-route', '/api/openapi.json']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const csp = expectCommonHeaders(res.headers);
      expect(csp['default-src'], url).toEqual(["'none'"]);
      // Headers that only mean something for a page stay off JSON.
      expect(res.headers, url).not.toHaveProperty('permissions-policy');
      expect(res.headers, url).not.toHaveProperty('x-dns-prefetch-control');
    }
  });

  it('sends HSTS for an https site, on pages and answers', async () => {
    const secure = (await buildTestApp({ WEB_DIST: dist, SITE_ORIGIN: 'https://folio.example' }))
      .app;
    try {
      for (const url of ['/', '/api/v1/health/live']) {
        const res = await secure.inject({ method: 'GET', url });
        expect(res.headers['strict-transport-security'], url).toBe(
          'max-age=31536000; includeSubDomains',
        );
      }
    } finally {
      await secure.close();
    }
  });

  it('on Swagger UI: its own files, inline styles, never inline scripts', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    const csp = expectCommonHeaders(page.headers);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    // Every script the page loads is a file (script-src 'self' would block an inline one).
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe('');
    }
    for (const [, attributes] of scripts) {
      const src = /src="\.?([^"]+)"/.exec(attributes!)![1]!;
      const url = src.startsWith('/') && !src.startsWith('/static') ? src : `/api/docs${src}`;
      const file = await app.inject({ method: 'GET', url });
      expect(file.statusCode, url).toBe(200);
      expect(directives(file.headers['content-security-policy'])['script-src']).toEqual(["'self'"]);
    }
    // What the initializer loads: the document, under the same policy.
    const json = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toHaveProperty('openapi');
  });

  it('the SPA’s index.html has no inline script for the policy to block', async () => {
    const html = await readFile(
      fileURLToPath(new URL('../../web/index.html', import.meta.url)),
      'utf8',
    );
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
