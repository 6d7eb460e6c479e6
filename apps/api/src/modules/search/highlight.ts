const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The most terms a search takes: more would only narrow it to nothing and slow it down. */
export const MAX_TERMS = 10;

/** The search words of `q`: split at white space, each once (compared as the index compares). */
export function termsOf(q: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of q.split(/\s+/u)) {
    const key = term.toLowerCase();
    if (!term || seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return terms.slice(0, MAX_TERMS);
}

/** A term of Latin letters and digits only: the text index holds such words whole. */
export const isWord = (term: string) => /^[a-z0-9]+$/i.test(term);

const ENDINGS = ['s', 'es', 'ed', 'ing', 'er', 'ers'];

/**
 * The usual English forms of a word, which a search for it finds (a light stemmer: `river`,
 * `rivers`, `rivered`, ...; `stories` and `story`). Forms no text has cost one lookup each.
 */
export function formsOf(word: string): string[] {
  const w = word.toLowerCase();
  const ending = w.length > 4 ? /(?:ies|es|s|ed|ing|ers|er)$/.exec(w)?.[0] : undefined;
  const stem = ending ? w.slice(0, -ending.length) + (ending === 'ies' ? 'y' : '') : w;
  const forms = new Set([w, stem, ...ENDINGS.map((e) => stem + e)]);
  if (stem.endsWith('y')) forms.add(`${stem.slice(0, -1)}ies`);
  if (stem.endsWith('e')) forms.add(`${stem}d`).add(`${stem.slice(0, -1)}ing`);
  return [...forms];
}

/**
 * A pattern finding every term in a text, case-insensitively, as the text index finds them: a
 * word in any of its forms, as a whole word (`rivers` for `river`, never `driver` or
 * `riverside`), anything else (Chinese, symbols) anywhere. Longer first: the longest match wins.
 */
function patternOf(terms: string[]): RegExp | null {
  const parts = terms
    .filter(Boolean)
    .flatMap((t) =>
      isWord(t)
        ? formsOf(t).map((form) => `(?<![\\p{L}\\p{N}])${form}(?![\\p{L}\\p{N}])`)
        : [t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')],
    )
    .sort((a, b) => b.length - a.length);
  return parts.length ? new RegExp(parts.join('|'), 'giu') : null;
}

/** Whether any term is in the text. */
export const matches = (text: string, terms: string[]) => patternOf(terms)?.test(text) ?? false;

/** The text as HTML: every match in `<mark>`, everything else escaped. */
export function highlight(text: string, terms: string[]): string {
  const pattern = patternOf(terms);
  if (!pattern) return escapeHtml(text);
  let html = '';
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    html += `${escapeHtml(text.slice(at, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    at = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(at));
}

/** Characters of text a snippet shows around its first match. */
export const SNIPPET_LENGTH = 180;
const BEFORE = 60;

/**
 * A short passage of the text around its first match (or its start when nothing in it matches),
 * cut at spaces where it can be, with `…` where it was cut, highlighted.
 */
export function snippet(text: string, terms: string[], length = SNIPPET_LENGTH): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const first = patternOf(terms)?.exec(flat)?.index ?? 0;
  let start = Math.max(0, first - BEFORE);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  let end = Math.min(flat.length, start + length);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > first && space > start + length / 2) end = space;
  }
  // Never half of a character outside the Basic Multilingual Plane.
  if (/[\uD800-\uDBFF]/.test(flat[end - 1] ?? '')) end -= 1;
  if (/[\uDC00-\uDFFF]/.test(flat[start] ?? '')) start += 1;
  const passage = flat.slice(start, end);
  return (start > 0 ? '…' : '') + highlight(passage, terms) + (end < flat.length ? '…' : '');
}
