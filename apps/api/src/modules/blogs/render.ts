import { LIMITS } from '@folio/schema';
import type { Tokens } from 'marked';
import type sanitizeHtml from 'sanitize-html';

/** What a save stores beside the markdown: its sanitized HTML, its plain text's excerpt and reading time. */
export interface Rendered {
  html: string;
  /** The content's text, for the excerpt and the reading time. */
  text: string;
}

/** Heading ids are prefixed so that no heading can shadow a global name of the page (DOM clobbering). */
export const HEADING_ID_PREFIX = 'h-';
const LINK_REL = 'nofollow noopener noreferrer';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * What survives in a blog's HTML. Everything else (scripts, event handlers, `style`, iframes,
 * forms, unknown schemes) is removed by sanitize-html, whatever the markdown parser let through.
 */
const sanitizeOptions = (sanitize: typeof sanitizeHtml): sanitizeHtml.IOptions => ({
  allowedTags: [
    ...HEADINGS,
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    'del',
    's',
    'sub',
    'sup',
    'kbd',
    'a',
    'img',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'class'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    code: ['class'],
    ...Object.fromEntries(HEADINGS.map((h) => [h, ['id']])),
  },
  allowedClasses: { a: ['heading-anchor'], code: [/^language-[\w+-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: true,
  // The text inside these is code or markup, never prose to keep.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed'],
  transformTags: {
    a: sanitize.simpleTransform('a', { rel: LINK_REL }),
  },
});

const BLOCK_END = /<\/(?:p|h[1-6]|li|blockquote|pre|td|th|tr)>|<br \/>/g;
// A heading's "#" is a control, not text.
const HEADING_ANCHOR = /<a class="heading-anchor"[^>]*>#<\/a>/g;
const TAG = /<[^>]*>/g;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * What a reader reads of HTML: its text, a space between blocks. Not a sanitizer: its result is
 * plain text (the excerpt, a heading's slug, the reading time), escaped wherever it is shown. On
 * sanitize-html's output every `<` and `>` that is not a tag's is escaped, so removing the tags
 * leaves exactly the text.
 */
export function textOf(html: string): string {
  const text = html.replace(HEADING_ANCHOR, '').replace(BLOCK_END, '$& ').replace(TAG, '');
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The start of the text, cut at a word where it can be, at most LIMITS.blogExcerpt characters. */
export function excerptOf(text: string, max: number = LIMITS.blogExcerpt): string {
  // Only the start is read: a long text's first 4 × max characters, unless they are mostly space.
  const head = text.length > 4 * max ? collapse(text.slice(0, 4 * max)) : '';
  const flat = head.length > max ? head : collapse(text);
  if (flat.length <= max) return flat;
  let cut = flat.slice(0, max - 1);
  // Never half an emoji (a lone high surrogate).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const HAS_CJK = new RegExp(CJK.source, 'u');
const HAS_LETTER = /[\p{L}\p{N}]/u;
export const WORDS_PER_MINUTE = 200;
export const CJK_CHARS_PER_MINUTE = 400;

/**
 * Minutes to read: words of Latin (and other spaced) text, characters of Chinese; at least 1. A
 * word is a run between spaces and Chinese characters with a letter or digit in it.
 */
export function readingMinutes(text: string): number {
  let cjk = 0;
  const spaced = HAS_CJK.test(text)
    ? text.replace(CJK, () => {
        cjk++;
        return ' ';
      })
    : text;
  let words = 0;
  for (const word of spaced.split(/\s+/)) if (HAS_LETTER.test(word)) words++;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE));
}

/** Everything a save derives from the markdown and the excerpt it was given. */
export interface Derived {
  contentHtml: string;
  excerpt: string;
  readingMinutes: number;
}

export interface Renderer {
  /** Markdown to sanitized HTML, with an anchor on every heading and `rel` on every link. */
  renderMarkdown(markdown: string): Rendered;
  derive(content: string, excerpt: string): Derived;
}

let loading: Promise<Renderer> | undefined;

/**
 * The renderer, made once: marked and sanitize-html (with htmlparser2) are loaded by the first
 * save or walk that renders, not by every process at start-up. Its renders are synchronous.
 */
export function loadRenderer(): Promise<Renderer> {
  return (loading ??= Promise.all([
    import('marked'),
    import('sanitize-html'),
    import('github-slugger'),
  ]).then(([{ Marked }, { default: sanitize }, { default: GithubSlugger }]) => {
    const options = sanitizeOptions(sanitize);
    /** The slugger of the render under way: renders are synchronous, one at a time. */
    let slugger = new GithubSlugger();
    /** One parser for every render; its heading renderer asks the current render's slugger. */
    const marked = new Marked({ gfm: true, async: false });
    marked.use({
      renderer: {
        heading(token: Tokens.Heading) {
          const inner = this.parser.parseInline(token.tokens);
          const id = `${HEADING_ID_PREFIX}${slugger.slug(textOf(inner)) || 'section'}`;
          // The blog's title is its page's one h1: the content's headings sit one level below it.
          const level = Math.min(token.depth + 1, 6);
          return (
            `<h${level} id="${id}"><a class="heading-anchor" href="#${id}">#</a> ` +
            `${inner}</h${level}>\n`
          );
        },
      },
    });
    const renderMarkdown = (markdown: string): Rendered => {
      slugger = new GithubSlugger();
      const html = sanitize(marked.parse(markdown) as string, options);
      return { html, text: textOf(html) };
    };
    return {
      renderMarkdown,
      derive(content, excerpt) {
        const { html, text } = renderMarkdown(content);
        return {
          contentHtml: html,
          excerpt: excerpt || excerptOf(text),
          readingMinutes: readingMinutes(text),
        };
      },
    };
  }));
}
