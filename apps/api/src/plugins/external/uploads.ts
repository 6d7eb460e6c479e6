import { mkdir } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { AVATAR_URL_PREFIX } from '../../modules/users/me';
import { avatarsDir } from '../../modules/me/avatar';

/**
 * Serves uploaded avatars at /uploads/avatars/. Every file is a WebP we encoded ourselves under a
 * new random name, so it can be cached for good; nosniff keeps browsers from guessing otherwise.
 * Left encapsulated (no fastify-plugin), so its static handler does not meet the SPA's.
 */
const uploadsPlugin: FastifyPluginAsync = async (app) => {
  const root = avatarsDir(app.config.UPLOADS_DIR);
  try {
    await mkdir(root, { recursive: true });
  } catch (err) {
    app.log.warn({ err, root }, 'the uploads folder cannot be made; avatar uploads will fail');
  }
  await app.register(fastifyStatic, {
    root,
    prefix: AVATAR_URL_PREFIX,
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    cacheControl: false,
    setHeaders(res) {
      res.header('cache-control', 'public, max-age=31536000, immutable');
      res.header('x-content-type-options', 'nosniff');
    },
  });
};

export default uploadsPlugin;
