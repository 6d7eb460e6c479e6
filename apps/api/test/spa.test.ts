import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp } from './helpers';

let app: App;
let dist: string;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'folio-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(
    join(dist, 'index.html'),
    '<!doctype html><title>Folio</title><div id="root"></div>',
  );
  await writeFile(join(dist, 'assets', 'index-AbC123.js'), 'console.log("folio")');
  await writeFile(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  ({ app } = await buildTestApp({ WEB_DIST: dist }));
});
afterAll(async () => {
  await app.close();
  await rm(dist, { recursive: true, force: true });
});

describe('serving the built SPA', () => {
  it('serves index.html at / without caching it', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="root">');
  });

  it('answers client routes with index.html (history fallback)', async () => {
    for (const url of ['/blogs', '/blogs/3?x=1', '/authors/2', '/no/such/page']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers paths with a dot outside /api/, /assets/ and /uploads/ with index.html', async () => {
    for (const url of [
      '/blogs/1.5',
      '/authors/a.b',
      '/blogs/1.5?page=2',
      '/missing.txt',
      '/a.json',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.body, url).toContain('<div id="root">');
    }
  });

  it('still serves the real files at the root of the build', async () => {
    const res = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(res.body).toContain('<svg');
  });

  it('caches hashed assets for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const other = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(other.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('keeps API and missing-file 404s as JSON envelopes', async () => {
    for (const url of [
      '/api/v1/nothing',
      '/api/v1/blogs/1.5/x',
      '/assets/missing-123.js',
      '/assets/no-dot',
      '/api/elsewhere',
      '/uploads/avatars/missing.webp',
      '/uploads/other',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ result: false, code: 'NOT_FOUND' });
    }
  });
});
