import escapeHtml from 'escape-html';
import LinkifyIt from 'linkify-it';

const linkify = new LinkifyIt();
/** Web and mail addresses (a bare domain is one: '' ); no ftp:, no protocol-relative `//host`. */
const LINKED = new Set(['', 'http:', 'https:', 'mailto:']);

const REL = 'nofollow noopener noreferrer ugc';

/**
 * A comment's plain text as HTML: everything escaped, and each web or mail address (found by
 * linkify-it, bare domains included) made a link that search engines don't follow.
 */
export function commentHtml(text: string): string {
  const matches = (linkify.match(text) ?? []).filter((m) => LINKED.has(m.schema.toLowerCase()));
  let html = '';
  let at = 0;
  for (const match of matches) {
    html += escapeHtml(text.slice(at, match.index));
    html += `<a href="${escapeHtml(match.url)}" rel="${REL}">${escapeHtml(match.text)}</a>`;
    at = match.lastIndex;
  }
  return html + escapeHtml(text.slice(at));
}
