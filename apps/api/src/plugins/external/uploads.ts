import type { FastifyPluginAsync } from 'fastify';
import { AppError, NotFound } from '../../lib/errors';

/**
 * The names Folio stores and serves: avatars (`avatars/<userId>-<random>.webp`) and the sizes of
 * image uploads (`images/<random>/<width>.webp`). Nothing else under the storage is ever served,
 * so no path can reach outside it.
 */
const SERVED_KEY =
  /^(?:avatars\/[0-9]+-[A-Za-z0-9_-]{16}|images\/[A-Za-z0-9_-]{22}\/[0-9]{1,4})\.webp$/;

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
    return reply
      .header('content-type', object.contentType)
      .header('content-length', object.size)
      .header('last-modified', object.lastModified.toUTCString())
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(object.body);
  });
};

export default uploadsPlugin;
