import escapeHtml from 'escape-html';
import { parse } from 'node-html-parser';

/** What a page's head says about it when its link is shared (Open Graph, Twitter, JSON-LD). */
export interface SharePage {
  title: string;
  description: string;
  /** Absolute. */
  url: string;
  type: 'article' | 'profile' | 'website';
  image?: { url: string; width: number; height: number; alt: string };
  article?: {
    publishedTime: string;
    modifiedTime: string;
    authorUrl: string;
    tags: string[];
  };
  /** Feeds of this page's blogs, besides the site's (which index.html links itself). */
  feeds?: { rss: string; atom: string; title: string };
  /** Structured data, written as JSON-LD. */
  jsonLd?: Record<string, unknown>;
}

const attr = (value: string) => `"${escapeHtml(value)}"`;
const meta = (key: 'name' | 'property', name: string, content: string) =>
  `<meta ${key}=${attr(name)} content=${attr(content)} />`;

/**
 * JSON inside `<script>`: the HTML parser ends a script at `</script` whatever the JSON means,
 * and `<!--` changes how it reads on; with `<`, `>` and `&` as \u escapes (still the same JSON
 * strings) neither can occur. U+2028/2029 are escaped for readers that treat JSON as JavaScript.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The head tags of a shared page on the site called `siteName`, every value escaped for where it goes. */
export function headTags(page: SharePage, siteName: string): string {
  const tags = [
    `<title>${escapeHtml(`${page.title} · ${siteName}`)}</title>`,
    meta('name', 'description', page.description),
    `<link rel="canonical" href=${attr(page.url)} />`,
    meta('property', 'og:site_name', siteName),
    meta('property', 'og:type', page.type),
    meta('property', 'og:title', page.title),
    meta('property', 'og:description', page.description),
    meta('property', 'og:url', page.url),
  ];
  if (page.image) {
    tags.push(
      meta('property', 'og:image', page.image.url),
      meta('property', 'og:image:width', String(page.image.width)),
      meta('property', 'og:image:height', String(page.image.height)),
      meta('property', 'og:image:alt', page.image.alt),
    );
  }
  if (page.article) {
    tags.push(
      meta('property', 'article:published_time', page.article.publishedTime),
      meta('property', 'article:modified_time', page.article.modifiedTime),
      meta('property', 'article:author', page.article.authorUrl),
      ...page.article.tags.map((tag) => meta('property', 'article:tag', tag)),
    );
  }
  tags.push(
    meta('name', 'twitter:card', page.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', page.title),
    meta('name', 'twitter:description', page.description),
  );
  if (page.image) {
    tags.push(
      meta('name', 'twitter:image', page.image.url),
      meta('name', 'twitter:image:alt', page.image.alt),
    );
  }
  if (page.feeds) {
    tags.push(
      `<link rel="alternate" type="application/rss+xml" title=${attr(page.feeds.title)} href=${attr(page.feeds.rss)} />`,
      `<link rel="alternate" type="application/atom+xml" title=${attr(page.feeds.title)} href=${attr(page.feeds.atom)} />`,
    );
  }
  if (page.jsonLd) {
    tags.push(`<script type="application/ld+json">${jsonForScript(page.jsonLd)}</script>`);
  }
  return tags.join('\n    ');
}

/**
 * The SPA's index.html, parsed once, as the text before and after where a page's head tags go.
 * Its own `<title>` and description are cut out (a shared page brings its own); the rest of the
 * file, the site's feed links and the app's script included, stays as the build wrote it.
 */
export interface ShellTemplate {
  /** The shell with this page's head tags in it. */
  render(head: string): string;
  /** The shell as built, for a page that is not found (the SPA shows its 404 page). */
  plain: string;
}

/** The template, or null when the file has no `<head>…</head>` to put tags in. */
export function shellTemplate(html: string): ShellTemplate | null {
  const root = parse(html);
  const head = root.querySelector('head');
  const closing = head ? html.lastIndexOf('</head>', head.range[1]) : -1;
  if (!head || closing < 0) return null;
  const cuts = [
    root.querySelector('head > title'),
    root.querySelector('head > meta[name=description]'),
  ]
    .flatMap((node) => (node ? [node.range] : []))
    .sort((a, b) => b[0] - a[0]);
  let before = html.slice(0, closing);
  for (const [start, end] of cuts) before = before.slice(0, start) + before.slice(end);
  const after = html.slice(closing);
  return {
    render: (tags) => `${before}  ${tags}\n  ${after}`,
    plain: html,
  };
}
