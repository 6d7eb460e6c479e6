import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { AppError } from '../../lib/errors';

const HASHED_ASSET = /\/assets\//;

/**
 * Serves the built SPA: hashed assets cached for a year, index.html never cached, and any other
 * extension-less GET answered with index.html so client routes survive a reload.
 */
export default fp(
  async (app) => {
    const root = app.config.WEB_DIST;
    if (!existsSync(join(root, 'index.html'))) {
      app.log.warn({ root }, 'no built SPA found; run `pnpm build` to serve it');
      return;
    }
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders(res, path) {
        res.header(
          'cache-control',
          HASHED_ASSET.test(path)
            ? 'public, max-age=31536000, immutable'
            : path.endsWith('.html')
              ? 'no-cache'
              : 'public, max-age=3600',
        );
      },
    });

    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path.startsWith('/api/') || extname(path) !== '') {
        await app.limitUnknownRoute(request);
        throw new AppError('NOT_FOUND', {
          detail: 'routeNotFound',
          params: { method: request.method, url: path },
        });
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'spa', dependencies: ['config', 'rate-limit'] },
);
