import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import fp from 'fastify-plugin';

/** Bodies shorter than this are sent as they are: compressing them saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1_024;

/** Text the API makes per request: JSON answers, the shared pages' HTML, feeds and sitemaps. */
const COMPRESSIBLE = /^(?:application\/(?:json|xml|rss\+xml|atom\+xml)|text\/(?:html|xml|plain))\b/;

/**
 * Brotli at quality 5 (a 256 kB window: answers are far smaller) and gzip at level 5 (nginx's):
 * a quarter of a millisecond or less for a list page, so they run on each answer.
 */
const BROTLI = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 5,
    [constants.BROTLI_PARAM_LGWIN]: 18,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};
const GZIP_LEVEL = 5;

/** The coding to send for this Accept-Encoding: brotli, else gzip, else none. */
export function chosenEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  if (!accept) return null;
  const offered = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    offered.set(name!.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => offered.get(name) ?? offered.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/**
 * Compresses the text answers made per request (JSON, HTML, feeds) for clients that accept
 * brotli or gzip, as nginx does when it is in front; the SPA's files have their own compressed
 * siblings (plugins/external/spa). Streams are never compressed (an event stream must flow as
 * written), nor bodies under COMPRESS_MIN_BYTES. A compressed answer's ETag becomes weak, as
 * nginx makes it: the bytes are no longer the ones it named.
 */
export default fp(
  async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const type = reply.getHeader('content-type');
      if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return payload;
      if (reply.getHeader('content-encoding')) return payload;
      reply.header('vary', varyWith(reply.getHeader('vary')));
      // Asked first: a client that takes no coding costs nothing more than the header above.
      const encoding = chosenEncoding(request.headers['accept-encoding']);
      if (!encoding) return payload;
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      if (body.length < COMPRESS_MIN_BYTES) return payload;
      const compressed =
        encoding === 'br'
          ? brotliCompressSync(body, {
              ...BROTLI,
              params: { ...BROTLI.params, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
            })
          : gzipSync(body, { level: GZIP_LEVEL });
      const etag = reply.getHeader('etag');
      if (typeof etag === 'string' && !etag.startsWith('W/')) reply.header('etag', `W/${etag}`);
      reply.header('content-encoding', encoding);
      reply.removeHeader('content-length');
      return compressed;
    });
  },
  { name: 'compression' },
);

function varyWith(current: unknown): string {
  const values = String(current ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.some((v) => v === '*' || v.toLowerCase() === 'accept-encoding')) {
    return values.join(', ');
  }
  return [...values, 'Accept-Encoding'].join(', ');
}
