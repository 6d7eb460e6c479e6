import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TagSlugSchema } from '@folio/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors';
import type { Document, FeedFormat, FeedScope } from './service';
import type { SitemapKind } from './repository';
import { shellTemplate } from './share';

/** Crawlers and feed readers ask often; five minutes between revalidations. */
const XML_CACHE_CONTROL = 'public, max-age=300';
const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};
const FILE_FORMATS: Record<string, FeedFormat> = { 'feed.xml': 'rss', 'feed.atom': 'atom' };

const notFound = () => new AppError('NOT_FOUND');

/** A positive id of an INT UNSIGNED column, or null. */
function idOf(text: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= 4_294_967_295 ? id : null;
}

function slugOf(text: string): string | null {
  const parsed = TagSlugSchema.safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** Sends a cached document, or 304 when the client's copy (If-None-Match, If-Modified-Since) is it. */
function sendDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  doc: Document,
  type: string,
  vary?: string,
) {
  reply.header('etag', doc.etag);
  reply.header('last-modified', doc.lastModified.toUTCString());
  reply.header('cache-control', XML_CACHE_CONTROL);
  if (vary) reply.header('vary', vary);
  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  const fresh =
    ifNoneMatch !== undefined
      ? ifNoneMatch
          .split(',')
          .map((tag) => tag.trim().replace(/^W\//, ''))
          .some((tag) => tag === doc.etag || tag === '*')
      : ifModifiedSince !== undefined &&
        Math.floor(doc.lastModified.getTime() / 1000) * 1000 <= Date.parse(ifModifiedSince);
  if (fresh) return reply.code(304).send();
  return reply.type(type).send(doc.body);
}

/**
 * Site paths, not API ones (no envelope on success, not in the OpenAPI document): the feeds,
 * the sitemaps, robots.txt and, when this process serves the SPA, the HTML of blog, author and
 * tag pages with their share tags in the head. Failures still go through the one error handler.
 */
const syndicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.syndicationService;
  const hide = { schema: { hide: true } };

  const feed = async (
    request: FastifyRequest,
    reply: FastifyReply,
    scope: FeedScope | null,
    file: string,
  ) => {
    const format = FILE_FORMATS[file];
    if (!scope || !format) throw notFound();
    const doc = await service.feed(scope, format, request.locale);
    return sendDocument(request, reply, doc, FEED_TYPES[format], 'Accept-Language');
  };

  for (const file of Object.keys(FILE_FORMATS)) {
    app.get(`/${file}`, hide, (request, reply) => feed(request, reply, { kind: 'site' }, file));
    app.get<{ Params: { id: string } }>(`/authors/:id/${file}`, hide, (request, reply) => {
      const id = idOf(request.params.id);
      return feed(request, reply, id === null ? null : { kind: 'author', id }, file);
    });
    app.get<{ Params: { slug: string } }>(`/tags/:slug/${file}`, hide, (request, reply) => {
      const slug = slugOf(request.params.slug);
      return feed(request, reply, slug === null ? null : { kind: 'tag', slug }, file);
    });
  }

  app.get('/sitemap.xml', hide, async (request, reply) =>
    sendDocument(request, reply, await service.sitemap(), 'application/xml; charset=utf-8'),
  );

  app.get<{ Params: { file: string } }>('/sitemaps/:file', hide, async (request, reply) => {
    const match = /^(blogs|authors|tags)-([1-9][0-9]{0,5})\.xml$/.exec(request.params.file);
    if (!match) throw notFound();
    const doc = await service.sitemapPart(match[1] as SitemapKind, Number(match[2]));
    return sendDocument(request, reply, doc, 'application/xml; charset=utf-8');
  });

  app.get('/robots.txt', hide, async (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=3600')
      .type('text/plain; charset=utf-8')
      .send(service.robots()),
  );

  if (!app.servesSpa) return;
  // Read and parsed once: each page only fills its head tags in.
  const shell = shellTemplate(readFileSync(join(app.config.WEB_DIST, 'index.html'), 'utf8'));
  if (!shell) {
    app.log.warn('index.html has no <head>: pages are served without share tags');
    return;
  }

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: Parameters<typeof service.head>[0] | null,
  ) => {
    const head = target && (await service.head(target, request.locale));
    reply
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept-Language')
      .type('text/html; charset=utf-8');
    // The SPA draws its own 404 page from the plain shell; the status says it to crawlers.
    if (!head) return reply.code(404).send(shell.plain);
    return reply.send(shell.render(head));
  };

  app.get<{ Params: { id: string } }>('/blogs/:id', hide, (request, reply) => {
    const id = idOf(request.params.id);
    return page(request, reply, id === null ? null : { kind: 'blog', id });
  });
  app.get<{ Params: { id: string } }>('/authors/:id', hide, (request, reply) => {
    const id = idOf(request.params.id);
    return page(request, reply, id === null ? null : { kind: 'author', id });
  });
  app.get<{ Params: { slug: string } }>('/tags/:slug', hide, (request, reply) => {
    const slug = slugOf(request.params.slug);
    return page(request, reply, slug === null ? null : { kind: 'tag', slug });
  });
};

export default syndicationRoutes;
