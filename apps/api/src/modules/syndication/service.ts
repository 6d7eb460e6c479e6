import { createHash } from 'node:crypto';
import type { Author, Blog, BlogListParams, BlogPage, Locale, Tag } from '@folio/schema';
import { Feed } from 'feed';
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap';
import { AppError } from '../../lib/errors';
import type { SitemapKind, SitemapRepository, SitemapRow } from './repository';
import { headTags, type SharePage } from './share';

/** What feeds and share pages read of the blogs module, handed in by the composition root. */
export interface SyndicationBlogs {
  list(params: BlogListParams): Promise<BlogPage>;
  get(id: number): Promise<{ blog: Blog }>;
  tag(slug: string): Promise<Tag>;
  /** The blogs module's cache of rendered public answers, dropped by `blogListsChanged`. */
  rendered(key: object, render: () => Promise<string>): Promise<string>;
}

export interface SyndicationDeps {
  blogs: SyndicationBlogs;
  authors: { get(id: number): Promise<Author> };
  sitemaps: SitemapRepository;
  siteOrigin: string;
  /** The site's name as it is now (a setting staff change). */
  siteName: () => Promise<string>;
  /** URLs one sitemap holds; past it, /sitemap.xml is an index of numbered ones (50 000 by the protocol). */
  sitemapMaxUrls: number;
  /** Blogs a feed carries, newest first. */
  feedSize?: number;
}

export type FeedFormat = 'rss' | 'atom';
export type FeedScope =
  { kind: 'site' } | { kind: 'author'; id: number } | { kind: 'tag'; slug: string };

/** A cacheable XML (or text) answer: its body, a strong ETag of it, and when its content last changed. */
export interface Document {
  body: string;
  etag: string;
  lastModified: Date;
}

const TEXTS: Record<
  Locale,
  {
    site: (siteName: string) => string;
    byAuthor: (name: string) => string;
    tagged: (name: string) => string;
    tagCount: (name: string, count: number) => string;
  }
> = {
  en: {
    site: (siteName) => `The latest blogs on ${siteName}`,
    byAuthor: (name) => `Blogs by ${name}`,
    tagged: (name) => `Blogs tagged ${name}`,
    tagCount: (name, count) => `${count} ${count === 1 ? 'blog' : 'blogs'} tagged ${name}`,
  },
  'zh-CN': {
    site: (siteName) => `${siteName} 上的最新博客`,
    byAuthor: (name) => `${name} 的博客`,
    tagged: (name) => `标签为「${name}」的博客`,
    tagCount: (name, count) => `标签为「${name}」的博客，共 ${count} 篇`,
  },
};

const isNotFound = (err: unknown) => err instanceof AppError && err.code === 'NOT_FOUND';
const latest = (...dates: string[]) => new Date(Math.max(...dates.map((d) => Date.parse(d))));
const EPOCH = new Date(0);

/** `etag \n lastModified \n body`, as a cached text holds a document. */
function pack(body: string, lastModified: Date): string {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return `${etag}\n${lastModified.toISOString()}\n${body}`;
}

function unpack(text: string): Document {
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  return {
    etag: text.slice(0, first),
    lastModified: new Date(text.slice(first + 1, second)),
    body: text.slice(second + 1),
  };
}

async function xmlOf(stream: SitemapStream | SitemapIndexStream): Promise<string> {
  return (await streamToPromise(stream)).toString('utf8');
}

/**
 * Feeds (RSS 2.0, Atom), sitemaps, robots.txt and the head tags of shared pages. Every answer is
 * kept in the blogs module's cache of rendered answers, so a crawler reading it often costs a
 * Redis read, and the next write to blogs makes it afresh.
 */
export function createSyndicationService({
  blogs,
  authors,
  sitemaps,
  siteOrigin,
  siteName,
  sitemapMaxUrls,
  feedSize = 20,
}: SyndicationDeps) {
  const url = (path: string) => new URL(path, siteOrigin).href;
  const blogUrl = (id: number) => url(`/blogs/${id}`);
  const authorUrl = (id: number) => url(`/authors/${id}`);
  const tagUrl = (slug: string) => url(`/tags/${encodeURIComponent(slug)}`);
  const feedPath = (scope: FeedScope, format: FeedFormat) => {
    const file = format === 'rss' ? 'feed.xml' : 'feed.atom';
    if (scope.kind === 'author') return `/authors/${scope.id}/${file}`;
    if (scope.kind === 'tag') return `/tags/${encodeURIComponent(scope.slug)}/${file}`;
    return `/${file}`;
  };
  const coverOf = (blog: Blog) => {
    const cover = blog.cover;
    if (!cover) return undefined;
    const large = cover.variants.at(-1) ?? { url: cover.url, width: cover.width };
    return {
      url: url(large.url),
      width: large.width,
      height: Math.round((cover.height * large.width) / cover.width),
    };
  };

  async function feedBlogs(filter: Pick<BlogListParams, 'authorId' | 'tag'>): Promise<Blog[]> {
    const page = await blogs.list({ page: 1, perPage: feedSize, sort: '-pubDate', ...filter });
    // A blog unpublished between the two reads is left out.
    const read = await Promise.all(
      page.items.map((item) =>
        blogs.get(item.id).then(
          ({ blog }) => blog,
          () => null,
        ),
      ),
    );
    return read.filter((blog): blog is Blog => blog !== null);
  }

  async function renderFeed(
    scope: FeedScope,
    format: FeedFormat,
    locale: Locale,
    site: string,
  ): Promise<string> {
    const texts = TEXTS[locale];
    let title = site;
    let description = texts.site(site);
    let link = url('/');
    let filter: Pick<BlogListParams, 'authorId' | 'tag'> = {};
    if (scope.kind === 'author') {
      const author = await authors.get(scope.id);
      title = `${author.name} · ${site}`;
      description = texts.byAuthor(author.name);
      link = authorUrl(author.id);
      filter = { authorId: author.id };
    } else if (scope.kind === 'tag') {
      const tag = await blogs.tag(scope.slug);
      title = `${tag.name} · ${site}`;
      description = texts.tagged(tag.name);
      link = tagUrl(tag.slug);
      filter = { tag: tag.slug };
    }
    const items = await feedBlogs(filter);
    const updated = items.length
      ? latest(...items.flatMap((b) => [b.updatedAt, b.pubDate]))
      : EPOCH;
    const feed = new Feed({
      id: link,
      link,
      title,
      description,
      language: locale,
      updated,
      generator: site,
      copyright: '',
      feedLinks: { rss: url(feedPath(scope, 'rss')), atom: url(feedPath(scope, 'atom')) },
    });
    for (const blog of items) {
      const cover = coverOf(blog);
      feed.addItem({
        id: blogUrl(blog.id),
        link: blogUrl(blog.id),
        title: blog.title,
        description: blog.excerpt,
        content: blog.contentHtml,
        author: [{ name: blog.author.name, link: authorUrl(blog.author.id) }],
        category: blog.tags.map((tag) => ({
          name: tag.name,
          term: tag.slug,
          domain: tagUrl(tag.slug),
        })),
        published: new Date(blog.pubDate),
        date: latest(blog.updatedAt, blog.pubDate),
        ...(cover && { image: { url: cover.url, type: 'image/webp', length: 0 } }),
      });
    }
    return pack(format === 'rss' ? feed.rss2() : feed.atom1(), updated);
  }

  const kinds: SitemapKind[] = ['blogs', 'authors', 'tags'];
  const locOf: Record<SitemapKind, (key: string) => string> = {
    blogs: (key) => blogUrl(Number(key)),
    authors: (key) => authorUrl(Number(key)),
    tags: tagUrl,
  };
  const newest = (rows: { lastmod: Date }[]) =>
    rows.reduce((at, row) => (row.lastmod > at ? row.lastmod : at), EPOCH);

  async function urlset(rows: { kind: SitemapKind; row: SitemapRow }[]): Promise<string> {
    const stream = new SitemapStream({
      xmlns: { news: false, xhtml: false, image: false, video: false },
    });
    for (const { kind, row } of rows) {
      stream.write({ url: locOf[kind](row.key), lastmod: row.lastmod.toISOString() });
    }
    stream.end();
    return pack(await xmlOf(stream), newest(rows.map(({ row }) => row)));
  }

  async function renderSitemap(): Promise<string> {
    const counts = await sitemaps.counts();
    const total = kinds.reduce((sum, kind) => sum + counts[kind], 0);
    if (total <= sitemapMaxUrls) {
      const pages = await Promise.all(
        kinds.map(async (kind) =>
          (counts[kind] ? await sitemaps.page(kind, counts[kind], 0) : []).map((row) => ({
            kind,
            row,
          })),
        ),
      );
      return urlset(pages.flat());
    }
    const chunks = await Promise.all(
      kinds.map(async (kind) =>
        (await sitemaps.chunkLastmods(kind, sitemapMaxUrls)).map((lastmod, i) => ({
          url: url(`/sitemaps/${kind}-${i + 1}.xml`),
          lastmod,
        })),
      ),
    );
    const stream = new SitemapIndexStream();
    for (const chunk of chunks.flat()) {
      stream.write({ url: chunk.url, lastmod: chunk.lastmod.toISOString() });
    }
    stream.end();
    return pack(await xmlOf(stream), newest(chunks.flat()));
  }

  async function renderSitemapPart(kind: SitemapKind, number: number): Promise<string> {
    const rows = await sitemaps.page(kind, sitemapMaxUrls, (number - 1) * sitemapMaxUrls);
    if (!rows.length) throw new AppError('NOT_FOUND');
    return urlset(rows.map((row) => ({ kind, row })));
  }

  async function blogPage(id: number, site: string): Promise<SharePage> {
    const { blog } = await blogs.get(id);
    const page = blogUrl(blog.id);
    const cover = coverOf(blog);
    const description = blog.excerpt || blog.title;
    const modified = latest(blog.updatedAt, blog.pubDate).toISOString();
    const author = { name: blog.author.name, url: authorUrl(blog.author.id) };
    return {
      title: blog.title,
      description,
      url: page,
      type: 'article',
      image: cover && { ...cover, alt: blog.title },
      article: {
        publishedTime: blog.pubDate,
        modifiedTime: modified,
        authorUrl: author.url,
        tags: blog.tags.map((tag) => tag.name),
      },
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        headline: blog.title,
        description,
        url: page,
        mainEntityOfPage: page,
        datePublished: blog.pubDate,
        dateModified: modified,
        author: { '@type': 'Person', ...author },
        ...(cover && { image: cover.url }),
        ...(blog.tags.length && { keywords: blog.tags.map((tag) => tag.name) }),
        publisher: { '@type': 'Organization', name: site, url: url('/') },
      },
    };
  }

  async function authorPage(id: number, locale: Locale): Promise<SharePage> {
    const author = await authors.get(id);
    const scope: FeedScope = { kind: 'author', id: author.id };
    return {
      title: author.name,
      description: author.bio || TEXTS[locale].byAuthor(author.name),
      url: authorUrl(author.id),
      type: 'profile',
      feeds: {
        title: TEXTS[locale].byAuthor(author.name),
        rss: feedPath(scope, 'rss'),
        atom: feedPath(scope, 'atom'),
      },
    };
  }

  async function tagPage(slug: string, locale: Locale): Promise<SharePage> {
    const tag = await blogs.tag(slug);
    const scope: FeedScope = { kind: 'tag', slug: tag.slug };
    return {
      title: tag.name,
      description: TEXTS[locale].tagCount(tag.name, tag.blogCount),
      url: tagUrl(tag.slug),
      type: 'website',
      feeds: {
        title: TEXTS[locale].tagged(tag.name),
        rss: feedPath(scope, 'rss'),
        atom: feedPath(scope, 'atom'),
      },
    };
  }

  return {
    /** A feed; an unknown author or a tag no published blog carries is NOT_FOUND. */
    async feed(scope: FeedScope, format: FeedFormat, locale: Locale): Promise<Document> {
      // Keyed by the name too: a renamed site's feeds are made afresh at once.
      const site = await siteName();
      return unpack(
        await blogs.rendered({ feed: { scope, format, locale, site } }, () =>
          renderFeed(scope, format, locale, site),
        ),
      );
    },

    /** Every URL at once, or past `sitemapMaxUrls` an index of the numbered sitemaps. */
    async sitemap(): Promise<Document> {
      return unpack(await blogs.rendered({ sitemap: sitemapMaxUrls }, renderSitemap));
    },

    /** `/sitemaps/<kind>-<number>.xml`; NOT_FOUND past the last one. */
    async sitemapPart(kind: SitemapKind, number: number): Promise<Document> {
      return unpack(
        await blogs.rendered({ sitemap: sitemapMaxUrls, kind, number }, () =>
          renderSitemapPart(kind, number),
        ),
      );
    },

    robots(): string {
      return `User-agent: *\nDisallow: /api/\n\nSitemap: ${url('/sitemap.xml')}\n`;
    },

    /**
     * The head tags of a blog's, an author's or a tag's page, or null when there is no such
     * page (not found, not published).
     */
    async head(
      page:
        | { kind: 'blog'; id: number }
        | { kind: 'author'; id: number }
        | { kind: 'tag'; slug: string },
      locale: Locale,
    ): Promise<string | null> {
      // Not found is '' (a cached text is never empty, so it is not kept) and read again next time.
      // A blog's tags say nothing in the reader's language: one copy for every reader.
      const site = await siteName();
      const key = { share: page, locale: page.kind === 'blog' ? null : locale, site };
      const text = await blogs.rendered(key, async () => {
        try {
          const share =
            page.kind === 'blog'
              ? await blogPage(page.id, site)
              : page.kind === 'author'
                ? await authorPage(page.id, locale)
                : await tagPage(page.slug, locale);
          return headTags(share, site);
        } catch (err) {
          if (isNotFound(err)) return '';
          throw err;
        }
      });
      return text || null;
    },
  };
}

export type SyndicationService = ReturnType<typeof createSyndicationService>;
