import { useEffect } from 'react';
import { Link, useRouteError } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Shown when rendering a page throws; the details go to the console for whoever debugs it. */
export function ErrorPage() {
  const { t } = useI18n();
  const error = useRouteError();
  useDocumentTitle(t('error.pageTitle'));
  useEffect(() => console.error(error), [error]);
  return (
    <section className="container text-center py-5" role="alert">
      <h1 className="h3">{t('error.pageTitle')}</h1>
      <p className="text-body-secondary">{t('error.pageText')}</p>
      <Link to="/" className="btn btn-primary" reloadDocument>
        {t('notFound.back')}
      </Link>
    </section>
  );
}
