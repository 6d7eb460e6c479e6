import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MyBlog, Upload } from '@folio/schema';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { buildTestApp, makeUser, resetData, sessionFor } from './helpers';

const ORIGIN = 'https://folio.example';
const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Folio: blogs and authors" />
    <link rel="alternate" type="application/rss+xml" title="Folio" href="/feed.xml" />
    <title>Folio</title>
    <script type="module" crossorigin src="/assets/index-AbC123.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
const HOSTILE = `</script><script>alert(1)</script> "quoted" & 'single' <b>bold</b>`;

let app: App;
let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'folio-share-'));
  await writeFile(join(dist, 'index.html'), INDEX_HTML);
  ({ app } = await buildTestApp({
    WEB_DIST: dist,
    SITE_ORIGIN: ORIGIN,
    SITEMAP_MAX_URLS: '4',
    RUN_WORKER: 'false',
  }));
});
afterAll(async () => {
  await app.close();
  await rm(dist, { recursive: true, force: true });
});
beforeEach(() => resetData(app));

type Headers = Record<string, string>;

async function writer(nickname?: string) {
  const user = await makeUser(app, nickname ? { nickname } : {});
  const { headers } = await sessionFor(app, user.id);
  return { user, headers };
}

async function cover(userId: number): Promise<Upload> {
  const png = await sharp({
    create: { width: 1200, height: 630, channels: 3, background: { r: 20, g: 90, b: 200 } },
  })
    .png()
    .toBuffer();
  return app.uploadService.create(userId, png);
}

async function publish(headers: Headers, payload: Record<string, unknown>): Promise<MyBlog> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/blogs',
    headers,
    payload: { status: 'published', content: 'Some words.', ...payload },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data;
}

const get = (url: string, headers: Headers = {}) => app.inject({ method: 'GET', url, headers });

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
function parseXml(body: string) {
  expect(XMLValidator.validate(body)).toBe(true);
  return xml.parse(body);
}
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The head's tags by name or property. */
function headOf(html: string) {
  const head = parse(html).querySelector('head') as HTMLElement;
  const metas = (key: string) =>
    head
      .querySelectorAll(`meta[name="${key}"], meta[property="${key}"]`)
      .map((m) => m.getAttribute('content'));
  return {
    head,
    title: head.querySelectorAll('title').map((t) => t.text),
    meta: (key: string) => metas(key)[0],
    metas,
    canonical: head.querySelector('link[rel=canonical]')?.getAttribute('href'),
    jsonLd: head
      .querySelectorAll('script[type="application/ld+json"]')
      .map((s) => JSON.parse(s.rawText)),
  };
}

describe('share previews', () => {
  it('puts a blog with a cover in the head: title, description, canonical, Open Graph, Twitter, JSON-LD', async () => {
    const { user, headers } = await writer('Mark');
    const picture = await cover(user.id);
    const blog = await publish(headers, {
      title: 'The old man and the sea',
      excerpt: 'An old fisherman and a great fish.',
      coverId: picture.id,
      tags: ['Novels'],
    });
    const res = await get(`/blogs/${blog.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const page = headOf(res.body);
    const url = `${ORIGIN}/blogs/${blog.id}`;
    const image = `${ORIGIN}${picture.variants.at(-1)!.url}`;
    expect(page.title).toEqual(['The old man and the sea · Folio']);
    expect(page.meta('description')).toBe('An old fisherman and a great fish.');
    expect(page.head.querySelectorAll('meta[name=description]')).toHaveLength(1);
    expect(page.canonical).toBe(url);
    expect(page.meta('og:title')).toBe('The old man and the sea');
    expect(page.meta('og:description')).toBe('An old fisherman and a great fish.');
    expect(page.meta('og:url')).toBe(url);
    expect(page.meta('og:type')).toBe('article');
    expect(page.meta('og:site_name')).toBe('Folio');
    expect(page.meta('og:image')).toBe(image);
    expect(page.meta('og:image:width')).toBe('1200');
    expect(page.meta('article:published_time')).toBe(blog.pubDate);
    expect(page.meta('article:author')).toBe(`${ORIGIN}/authors/${blog.author.id}`);
    expect(page.metas('article:tag')).toEqual(['Novels']);
    expect(page.meta('twitter:card')).toBe('summary_large_image');
    expect(page.meta('twitter:image')).toBe(image);
    expect(page.jsonLd).toEqual([
      expect.objectContaining({
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        headline: 'The old man and the sea',
        description: 'An old fisherman and a great fish.',
        url,
        datePublished: blog.pubDate,
        dateModified: blog.updatedAt > blog.pubDate ? blog.updatedAt : blog.pubDate,
        author: { '@type': 'Person', name: 'Mark', url: `${ORIGIN}/authors/${blog.author.id}` },
        image,
      }),
    ]);
    // The rest of the shell is as built: the site's feed link, the app's script, the root.
    expect(page.head.querySelector('link[rel=alternate]')?.getAttribute('href')).toBe('/feed.xml');
    expect(res.body).toContain('<script type="module" crossorigin src="/assets/index-AbC123.js">');
    expect(res.body).toContain('<div id="root"></div>');
  });

  it('gives a blog without a cover a summary card and no image', async () => {
    const { headers } = await writer();
    const blog = await publish(headers, { title: 'Plain', content: 'No picture here.' });
    const page = headOf((await get(`/blogs/${blog.id}`)).body);
    expect(page.meta('twitter:card')).toBe('summary');
    expect(page.meta('og:image')).toBeUndefined();
    expect(page.meta('description')).toBe(blog.excerpt);
    expect(page.jsonLd[0]).not.toHaveProperty('image');
  });

  it('escapes hostile titles and excerpts everywhere, JSON-LD included', async () => {
    const { headers } = await writer(HOSTILE.slice(0, 30));
    const blog = await publish(headers, { title: HOSTILE, excerpt: HOSTILE });
    const res = await get(`/blogs/${blog.id}`);
    expect(res.statusCode).toBe(200);
    const page = headOf(res.body);
    // Read back as the same text: nothing was cut short or added.
    expect(page.title).toEqual([`${HOSTILE} · Folio`]);
    expect(page.meta('og:title')).toBe(HOSTILE);
    expect(page.meta('description')).toBe(HOSTILE);
    expect(page.jsonLd[0].headline).toBe(HOSTILE);
    // One script of the page's own, the JSON-LD one, and the app's: no injected one.
    const scripts = parse(res.body).querySelectorAll('script');
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['module', 'application/ld+json']);
    expect(res.body).not.toContain('<script>alert(1)');
    const json = scripts[1]!.rawText;
    expect(json).not.toMatch(/[<>]/);
    expect(json).toContain('\\u003c/script\\u003e');
  });

  it('describes an author and a tag, with their feeds', async () => {
    const { headers } = await writer('Lily');
    const blog = await publish(headers, { title: 'Tagged', tags: ['Short stories'] });
    const author = headOf((await get(`/authors/${blog.author.id}`)).body);
    expect(author.title).toEqual(['Lily · Folio']);
    expect(author.meta('og:type')).toBe('profile');
    expect(author.meta('description')).toBe('Blogs by Lily');
    expect(author.canonical).toBe(`${ORIGIN}/authors/${blog.author.id}`);
    expect(author.meta('og:url')).toBe(`${ORIGIN}/authors/${blog.author.id}`);
    const feeds = author.head
      .querySelectorAll('link[rel=alternate]')
      .map((l) => l.getAttribute('href'));
    expect(feeds).toEqual([
      '/feed.xml',
      `/authors/${blog.author.id}/feed.xml`,
      `/authors/${blog.author.id}/feed.atom`,
    ]);

    const slug = blog.tags[0]!.slug;
    const tag = headOf((await get(`/tags/${slug}`)).body);
    expect(tag.title).toEqual(['Short stories · Folio']);
    expect(tag.meta('description')).toBe('1 blog tagged Short stories');
    expect(tag.canonical).toBe(`${ORIGIN}/tags/${slug}`);
    const zh = headOf((await get(`/tags/${slug}`, { 'accept-language': 'zh-CN' })).body);
    expect(zh.meta('description')).toBe('标签为「Short stories」的博客，共 1 篇');
  });

  it('answers unknown, unpublished and malformed pages with the plain shell and 404', async () => {
    const { headers } = await writer();
    const draft = await publish(headers, { title: 'Draft', status: 'draft' });
    for (const url of [
      `/blogs/${draft.id}`,
      '/blogs/999999',
      '/blogs/abc',
      '/blogs/0',
      '/authors/999999',
      '/tags/no-such-tag',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toBe(INDEX_HTML);
    }
  });

  it('keeps the page fresh after a write: the next read shows the new title', async () => {
    const { headers } = await writer();
    const blog = await publish(headers, { title: 'First title' });
    expect(headOf((await get(`/blogs/${blog.id}`)).body).meta('og:title')).toBe('First title');
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/blogs/${blog.id}`,
      headers,
      payload: { title: 'Second title' },
    });
    expect(res.statusCode).toBe(200);
    expect(headOf((await get(`/blogs/${blog.id}`)).body).meta('og:title')).toBe('Second title');
  });
});

describe('feeds', () => {
  async function fixtures() {
    const mark = await writer('Mark');
    const jacob = await writer('Jacob');
    const picture = await cover(mark.user.id);
    const first = await publish(mark.headers, {
      title: 'Old & new <fish>',
      content: 'Hello **world** <script>alert(1)</script>',
      excerpt: 'A summary.',
      coverId: picture.id,
      tags: ['Sea'],
      pubDate: '2020-01-01T10:00:00.000Z',
    });
    const second = await publish(jacob.headers, {
      title: 'Second',
      tags: ['Sea', 'Land'],
      pubDate: '2020-02-01T10:00:00.000Z',
    });
    await publish(jacob.headers, { title: 'Not yet', status: 'draft' });
    return { first, second, picture, mark };
  }

  it('serves the site-wide RSS 2.0 feed, newest first, with the excerpt, HTML and cover', async () => {
    const { first, second, picture } = await fixtures();
    const res = await get('/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    // The latest change among its blogs: here the second one's save (its pubDate is in 2020).
    expect(res.headers['last-modified']).toBe(
      new Date(Math.max(Date.parse(first.updatedAt), Date.parse(second.updatedAt))).toUTCString(),
    );
    const doc = parseXml(res.body);
    expect(doc.rss['@version']).toBe('2.0');
    const channel = doc.rss.channel;
    expect(channel.title).toBe('Folio');
    expect(channel.link).toBe(`${ORIGIN}/`);
    expect(channel['atom:link']['@href']).toBe(`${ORIGIN}/feed.xml`);
    const items = list(channel.item);
    expect(items.map((i: { title: string }) => i.title)).toEqual(['Second', 'Old & new <fish>']);
    const item = items[1];
    expect(item.link).toBe(`${ORIGIN}/blogs/${first.id}`);
    expect(item.guid['#text']).toBe(`${ORIGIN}/blogs/${first.id}`);
    expect(item.author).toBe('Mark');
    expect(item.pubDate).toBe(new Date(first.pubDate).toUTCString());
    expect(item.description).toBe('A summary.');
    expect(item['content:encoded']).toBe(first.contentHtml);
    expect(item['content:encoded']).not.toContain('<script');
    expect(item.category).toEqual({ '#text': 'Sea', '@domain': `${ORIGIN}/tags/sea` });
    expect(item.enclosure['@url']).toBe(`${ORIGIN}${picture.variants.at(-1)!.url}`);
    expect(item.enclosure['@type']).toBe('image/webp');
    expect(list(items[0].category).map((c: { '#text': string }) => c['#text'])).toEqual([
      'Sea',
      'Land',
    ]);
    expect(items[0].enclosure).toBeUndefined();
    expect(second.id).toBeGreaterThan(first.id);
  });

  it('serves the same as Atom at /feed.atom', async () => {
    const { first, picture } = await fixtures();
    const res = await get('/feed.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const doc = parseXml(res.body);
    const feed = doc.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${ORIGIN}/`);
    const self = list(feed.link).find((l: Record<string, string>) => l['@rel'] === 'self');
    expect(self['@href']).toBe(`${ORIGIN}/feed.atom`);
    const entries = list(feed.entry);
    expect(entries).toHaveLength(2);
    const entry = entries[1];
    expect(entry.title['#text']).toBe('Old & new <fish>');
    expect(entry.id).toBe(`${ORIGIN}/blogs/${first.id}`);
    expect(entry.published).toBe(first.pubDate);
    expect(entry.updated).toBe(
      new Date(Math.max(Date.parse(first.updatedAt), Date.parse(first.pubDate))).toISOString(),
    );
    expect(entry.author.name).toBe('Mark');
    expect(entry.author.uri).toBe(`${ORIGIN}/authors/${first.author.id}`);
    expect(entry.summary['#text']).toBe('A summary.');
    expect(entry.content['#text']).toBe(first.contentHtml);
    const links = list(entry.link) as Record<string, string>[];
    // A link without rel is the entry's alternate (RFC 4287).
    expect(links.find((l) => (l['@rel'] ?? 'alternate') === 'alternate')?.['@href']).toBe(
      `${ORIGIN}/blogs/${first.id}`,
    );
    expect(links.find((l) => l['@rel'] === 'enclosure')?.['@href']).toBe(
      `${ORIGIN}${picture.variants.at(-1)!.url}`,
    );
  });

  it('serves an author’s and a tag’s feeds, in both formats', async () => {
    const { first, second } = await fixtures();
    const byMark = parseXml((await get(`/authors/${first.author.id}/feed.xml`)).body);
    expect(byMark.rss.channel.title).toBe('Mark · Folio');
    expect(byMark.rss.channel.link).toBe(`${ORIGIN}/authors/${first.author.id}`);
    expect(list(byMark.rss.channel.item).map((i: { title: string }) => i.title)).toEqual([
      'Old & new <fish>',
    ]);
    const byJacob = parseXml((await get(`/authors/${second.author.id}/feed.atom`)).body);
    expect(list(byJacob.feed.entry).map((e: { id: string }) => e.id)).toEqual([
      `${ORIGIN}/blogs/${second.id}`,
    ]);
    const land = second.tags.find((t) => t.name === 'Land')!.slug;
    const tagged = parseXml((await get(`/tags/${land}/feed.xml`)).body);
    expect(tagged.rss.channel.title).toBe('Land · Folio');
    expect(list(tagged.rss.channel.item).map((i: { title: string }) => i.title)).toEqual([
      'Second',
    ]);
    const sea = first.tags[0]!.slug;
    const seaAtom = parseXml((await get(`/tags/${sea}/feed.atom`)).body);
    expect(list(seaAtom.feed.entry)).toHaveLength(2);
  });

  it('answers an unchanged feed with 304, and a changed one afresh', async () => {
    const { first, mark } = await fixtures();
    const res = await get('/feed.xml');
    const again = await get('/feed.xml', { 'if-none-match': res.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const since = await get('/feed.xml', {
      'if-modified-since': res.headers['last-modified'] as string,
    });
    expect(since.statusCode).toBe(304);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/blogs/${first.id}`,
      headers: mark.headers,
      payload: { title: 'Renamed' },
    });
    expect(patched.statusCode).toBe(200);
    const changed = await get('/feed.xml', { 'if-none-match': res.headers.etag as string });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(res.headers.etag);
    expect(changed.body).toContain('Renamed');
  });

  it('answers unknown authors and tags with a 404 envelope', async () => {
    for (const url of [
      '/authors/999999/feed.xml',
      '/authors/abc/feed.atom',
      '/tags/no-such-tag/feed.xml',
      '/tags/no-such-tag/feed.atom',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ result: false, code: 'NOT_FOUND' });
    }
  });

  it('serves an empty but valid feed when nothing is published', async () => {
    const doc = parseXml((await get('/feed.xml')).body);
    expect(list(doc.rss.channel.item)).toEqual([]);
  });
});

describe('sitemap and robots.txt', () => {
  it('lists published blogs, authors and tags with lastmod while under the limit', async () => {
    const { headers } = await writer();
    const blog = await publish(headers, { title: 'Mapped', tags: ['Maps'] });
    await publish(headers, { title: 'Draft', status: 'draft' });
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const doc = parseXml(res.body);
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = list(doc.urlset.url) as { loc: string; lastmod: string }[];
    expect(urls.map((u) => u.loc)).toEqual([
      `${ORIGIN}/blogs/${blog.id}`,
      `${ORIGIN}/authors/${blog.author.id}`,
      `${ORIGIN}/tags/${blog.tags[0]!.slug}`,
    ]);
    for (const url of urls) expect(Date.parse(url.lastmod)).toBeGreaterThan(0);
    // A blog's and its author's and tag's: its publication (read from indexes, not the rows).
    expect(urls.map((u) => u.lastmod)).toEqual([blog.pubDate, blog.pubDate, blog.pubDate]);
  });

  it('becomes an index of numbered sitemaps past the limit (4 in this test)', async () => {
    const { headers } = await writer();
    const made: MyBlog[] = [];
    for (let i = 0; i < 6; i += 1) made.push(await publish(headers, { title: `Blog ${i}` }));
    const index = parseXml((await get('/sitemap.xml')).body);
    expect(index.sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const parts = list(index.sitemapindex.sitemap) as { loc: string; lastmod: string }[];
    expect(parts.map((p) => p.loc)).toEqual([
      `${ORIGIN}/sitemaps/blogs-1.xml`,
      `${ORIGIN}/sitemaps/blogs-2.xml`,
      `${ORIGIN}/sitemaps/authors-1.xml`,
    ]);
    expect(parts.map((p) => p.lastmod)).toEqual([
      made[3]!.pubDate,
      made[5]!.pubDate,
      made[5]!.pubDate,
    ]);

    const locs = async (url: string) =>
      (list(parseXml((await get(url)).body).urlset.url) as { loc: string }[]).map((u) => u.loc);
    expect(await locs('/sitemaps/blogs-1.xml')).toEqual(
      made.slice(0, 4).map((b) => `${ORIGIN}/blogs/${b.id}`),
    );
    expect(await locs('/sitemaps/blogs-2.xml')).toEqual(
      made.slice(4).map((b) => `${ORIGIN}/blogs/${b.id}`),
    );
    expect(await locs('/sitemaps/authors-1.xml')).toEqual([
      `${ORIGIN}/authors/${made[0]!.author.id}`,
    ]);
    for (const url of ['/sitemaps/blogs-3.xml', '/sitemaps/tags-1.xml', '/sitemaps/other-1.xml']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('serves robots.txt naming the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(res.body).toContain('Disallow: /api/');
  });
});
