import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { loadOnce } from '../../../lib/load-once';

type Render = (markdown: string) => string;

/**
 * marked and DOMPurify, loaded when a preview is first shown. Headings sit one level below the
 * title as the API renders them; what the API's sanitizer would drop never shows either.
 */
const loadRenderer: () => Promise<Render> = loadOnce(() =>
  Promise.all([import('marked'), import('dompurify')]).then(
    ([{ Marked }, { default: DOMPurify }]) => {
      const marked = new Marked({
        gfm: true,
        async: false,
        renderer: {
          heading({ tokens, depth }) {
            const level = Math.min(depth + 1, 6);
            return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
          },
        },
      });
      return (markdown: string) =>
        DOMPurify.sanitize(marked.parse(markdown) as string, {
          FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'textarea', 'select'],
          FORBID_ATTR: ['style'],
          ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/|#|\.{0,2}\/)/i,
        });
    },
  ),
);

/** How the text will read once published, drawn a moment after typing stops. */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  const { t } = useI18n();
  const [render, setRender] = useState<Render | null>(null);
  const [failed, setFailed] = useState(false);
  const [html, setHtml] = useState('');

  useEffect(() => {
    let live = true;
    loadRenderer().then(
      (loaded) => live && setRender(() => loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!render) return;
    const timer = setTimeout(() => setHtml(render(markdown)), 150);
    return () => clearTimeout(timer);
  }, [render, markdown]);

  if (failed) return <p className="text-danger p-3 mb-0">{t('write.preview.failed')}</p>;
  if (!render) {
    return (
      <div className="d-flex justify-content-center py-5">
        <div className="spinner-border spinner-border-sm text-secondary" role="status">
          <span className="visually-hidden">{t('common.loading')}</span>
        </div>
      </div>
    );
  }
  if (!markdown.trim()) {
    return <p className="text-body-secondary p-3 mb-0">{t('write.preview.empty')}</p>;
  }
  return (
    <div
      className="blog-content markdown-preview p-3"
      data-testid="markdown-preview"
      // Sanitized by DOMPurify just above.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
