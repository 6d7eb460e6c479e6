import { useEffect } from 'react';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * Shown when rendering a page throws (or its code could not be loaded); the details go to the
 * console for whoever debugs it. "Try again" renders the page anew; the way home reloads the
 * document, so a new deployment's files are fetched afresh.
 */
export function ErrorPage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  useDocumentTitle(t('error.pageTitle'));
  useEffect(() => console.error(error), [error]);
  return (
    <section className="container text-center py-5" role="alert">
      <h1 className="h3">{t('error.pageTitle')}</h1>
      <p className="text-body-secondary">{t('error.pageText')}</p>
      <div className="d-flex flex-wrap justify-content-center gap-2">
        {onRetry && (
          <button type="button" className="btn btn-primary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
        <a href="/" className={onRetry ? 'btn btn-outline-secondary' : 'btn btn-primary'}>
          {t('notFound.back')}
        </a>
      </div>
    </section>
  );
}
