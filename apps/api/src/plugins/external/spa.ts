import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { AppError } from '../../lib/errors';

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether this process serves the built SPA (WEB_DIST holds one). */
    servesSpa: boolean;
  }
}

const HASHED_ASSET = /\/assets\//;
/** The build's precompressed siblings (apps/web/vite-plugins/precompress.ts). */
const COMPRESSED_SIBLING = /\.(?:br|gz)$/;
/** The only paths that answer with files or JSON; a miss under them is a 404 envelope. */
const NOT_SPA = /^\/(?:api|assets|uploads)\//;

/**
 * Serves the built SPA: hashed assets cached for a year, index.html never cached. The files of the
 * build are routes of their own (@fastify/static's routes are made at start-up); any other GET
 * outside /api/, /assets/ and /uploads/ gets index.html, dots and all (`/account/a.b`), so client
 * routes survive a reload and an unknown one shows the SPA's own 404 page, as nginx's try_files
 * does. A blog's, an author's and a tag's own page (`/blogs/:id`, ...) are routes of their own
 * (modules/syndication): the same shell with the page's share tags in its head. The build writes
 * brotli and gzip siblings of its text files; preCompressed sends the one the client accepts
 * (index.html through sendFile too), or the plain file when it accepts neither.
 */
export default fp(
  async (app) => {
    const root = app.config.WEB_DIST;
    const servesSpa = existsSync(join(root, 'index.html'));
    app.decorate('servesSpa', servesSpa);
    if (!servesSpa) {
      app.log.warn({ root }, 'no built SPA found; run `pnpm build` to serve it');
      return;
    }
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      cacheControl: false,
      preCompressed: true,
      // The siblings are sent in place of their file, never as routes of their own.
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders(res, sentPath) {
        // `sentPath` is the file on disk, `.br` or `.gz` when a sibling was chosen.
        const path = sentPath.replace(COMPRESSED_SIBLING, '');
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
      if (NOT_SPA.test(path)) {
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
