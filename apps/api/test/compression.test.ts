import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { chosenEncoding, COMPRESS_MIN_BYTES } from '../src/plugins/app/compression';
import { buildTestApp } from './helpers';

let app: App;
/** A long JSON answer that every database has: the API document. */
const DOCUMENT = '/api/openapi.json';

beforeAll(async () => {
  ({ app } = await buildTestApp());
  // A streamed answer of a compressible type, as an event stream is streamed.
  app.get('/api/v1/test-streamed', async (_request, reply) =>
    reply
      .type('application/json')
      .send(Readable.from(['{"result":true,', `"data":"${'x'.repeat(4_000)}"}`])),
  );
  await app.ready();
});
afterAll(() => app.close());

const get = (url: string, acceptEncoding?: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('compressed answers', () => {
  it('sends a long JSON answer with brotli or gzip, as the client accepts, and the same JSON inside', async () => {
    const plain = await get(DOCUMENT);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_MIN_BYTES);

    const br = await get(DOCUMENT, 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);

    const gzip = await get(DOCUMENT, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(Number(gzip.headers['content-length'])).toBe(gzip.rawPayload.length);

    expect((await get(DOCUMENT, 'br;q=0, gzip;q=0.5')).headers['content-encoding']).toBe('gzip');
    expect((await get(DOCUMENT, 'identity')).headers['content-encoding']).toBeUndefined();
  });

  it('leaves short answers and streamed ones as they are', async () => {
    const short = await get('/api/v1/health/live', 'br');
    expect(short.statusCode).toBe(200);
    expect(short.rawPayload.length).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(short.headers['content-encoding']).toBeUndefined();

    const streamed = await get('/api/v1/test-streamed', 'br, gzip');
    expect(streamed.headers['content-encoding']).toBeUndefined();
    expect(streamed.json().data).toHaveLength(4_000);
  });

  it('reads Accept-Encoding with its weights', () => {
    expect(chosenEncoding(undefined)).toBeNull();
    expect(chosenEncoding('')).toBeNull();
    expect(chosenEncoding('gzip, br')).toBe('br');
    expect(chosenEncoding('BR;q=0.1')).toBe('br');
    expect(chosenEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chosenEncoding('*')).toBe('br');
    expect(chosenEncoding('*;q=0')).toBeNull();
    expect(chosenEncoding('deflate, identity')).toBeNull();
  });
});
