import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import { AppError, NotFound } from '../../lib/errors';

/**
 * The names Folio stores and serves: avatars (`avatars/<userId>-<random>.webp`) and the sizes of
 * image uploads (`images/<random>/<width>.webp`). Nothing else under the storage is ever served,
 * so no path can reach outside it.
 */
const SERVED_KEY =
  /^(?:avatars\/[0-9]+-[A-Za-z0-9_-]{16}|images\/[A-Za-z0-9_-]{22}\/[0-9]{1,4})\.webp$/;

/** Whether the client's copy is current (a reload that revalidates), by ETag first. */
function isFresh(headers: IncomingHttpHeaders, etag: string, lastModified: Date): boolean {
  const match = headers['if-none-match'];
  if (match) return match.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
  const since = Date.parse(headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * Serves /uploads/ from the storage (the local disk or the bucket: the URLs are the same). Every
 * file is a WebP we encoded ourselves under a new random name, so it can be cached for good;
 * nosniff keeps browsers from taking it for anything else. Left encapsulated (no fastify-plugin).
 */
const uploadsPlugin: FastifyPluginAsync = async (app) => {
  app.get('/uploads/*', { schema: { hide: true } }, async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    // A folder is never listed.
    if (key === '' || key.endsWith('/')) throw new AppError('FORBIDDEN');
    if (!SERVED_KEY.test(key)) throw NotFound();
    const object = await app.storage.get(key);
    if (!object) throw NotFound();
    // A file never changes under its name, so its time and size tell it well enough.
    const etag = `W/"${object.size.toString(16)}-${object.lastModified.getTime().toString(16)}"`;
    reply
      .header('etag', etag)
      .header('last-modified', object.lastModified.toUTCString())
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff');
    if (isFresh(request.headers, etag, object.lastModified)) {
      object.body.destroy();
      return reply.code(304).send();
    }
    return reply
      .header('content-type', object.contentType)
      .header('content-length', object.size)
      .send(object.body);
  });
};

export default uploadsPlugin;
