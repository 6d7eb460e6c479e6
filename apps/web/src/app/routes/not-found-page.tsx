import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { NotFoundState } from '../../components/not-found-state';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <NotFoundState
      title={t('notFound.title')}
      text={t('notFound.text')}
      backTo="/"
      backLabel={t('notFound.back')}
    />
  );
}
