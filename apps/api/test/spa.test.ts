import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp } from './helpers';

let app: App;
let dist: string;

const INDEX_HTML = '<!doctype html><title>Folio</title><div id="root"></div>';
const SCRIPT = `console.log(${JSON.stringify('folio '.repeat(200))})`;

/** A file of the build with the brotli and gzip siblings that apps/web's build writes. */
async function writeWithSiblings(path: string, text: string) {
  await writeFile(path, text);
  await writeFile(`${path}.br`, brotliCompressSync(text));
  await writeFile(`${path}.gz`, gzipSync(text));
}

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'folio-dist-'));
  await mkdir(join(dist, 'assets'));
  await writeWithSiblings(join(dist, 'index.html'), INDEX_HTML);
  await writeWithSiblings(join(dist, 'assets', 'index-AbC123.js'), SCRIPT);
  await writeWithSiblings(join(dist, 'assets', 'index-AbC123.css'), 'body{margin:0}'.repeat(50));
  // No siblings: the build writes none when compressing would not make the file smaller.
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
      '/assets/index-AbC123.js.br',
      '/assets/index-AbC123.js.gz',
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

describe('serving the build precompressed', () => {
  const decoders = { br: brotliDecompressSync, gzip: gunzipSync } as const;

  for (const encoding of ['br', 'gzip'] as const) {
    it(`sends the ${encoding} sibling of a script or stylesheet to a client that accepts ${encoding}`, async () => {
      for (const [url, type, text] of [
        ['/assets/index-AbC123.js', /javascript/, SCRIPT],
        ['/assets/index-AbC123.css', /text\/css/, 'body{margin:0}'.repeat(50)],
      ] as const) {
        const res = await app.inject({
          method: 'GET',
          url,
          headers: { 'accept-encoding': encoding },
        });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-encoding'], url).toBe(encoding);
        expect(res.headers.vary, url).toMatch(/accept-encoding/i);
        expect(res.headers['content-type'], url).toMatch(type);
        expect(res.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
        expect(res.rawPayload.length, url).toBeLessThan(Buffer.byteLength(text));
        expect(decoders[encoding](res.rawPayload).toString(), url).toBe(text);
      }
    });

    it(`sends index.html as ${encoding}, uncached, at / and at client routes`, async () => {
      for (const url of ['/', '/blogs/3?x=1', '/blogs/1.5']) {
        const res = await app.inject({
          method: 'GET',
          url,
          headers: { 'accept-encoding': encoding },
        });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-encoding'], url).toBe(encoding);
        expect(res.headers.vary, url).toMatch(/accept-encoding/i);
        expect(res.headers['content-type'], url).toMatch(/text\/html/);
        expect(res.headers['cache-control'], url).toBe('no-cache');
        expect(decoders[encoding](res.rawPayload).toString(), url).toBe(INDEX_HTML);
      }
    });
  }

  it('prefers brotli when the client accepts both, as browsers do', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    });
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the plain file to a client that accepts no encoding', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      for (const [url, text] of [
        ['/assets/index-AbC123.js', SCRIPT],
        ['/', INDEX_HTML],
        ['/blogs/3', INDEX_HTML],
      ] as const) {
        const res = await app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-encoding'], url).toBeUndefined();
        // The answer still depends on Accept-Encoding, so a shared cache must know it.
        expect(res.headers.vary, url).toMatch(/accept-encoding/i);
        expect(res.body, url).toBe(text);
      }
    }
  });

  it('sends the plain file when the build wrote no sibling for it', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/favicon.svg',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.body).toContain('<svg');
  });
});
