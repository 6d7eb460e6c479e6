import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { useMemo } from 'react';

const markdown = new Marked({
  gfm: true,
  // The page title is the only h1; a post's own headings start one level below it.
  walkTokens(token) {
    if (token.type === 'heading') token.depth = Math.min(token.depth + 1, 6);
  },
});

/** Renders author-written markdown; DOMPurify strips anything that could run script. */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(
    () =>
      DOMPurify.sanitize(markdown.parse(source, { async: false }), {
        FORBID_TAGS: ['h1', 'style', 'form'],
      }),
    [source],
  );
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
