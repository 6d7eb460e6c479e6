import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'react';

/** Renders author-written markdown; DOMPurify strips anything that could run script. */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(
    () => DOMPurify.sanitize(marked.parse(source, { async: false, gfm: true })),
    [source],
  );
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
