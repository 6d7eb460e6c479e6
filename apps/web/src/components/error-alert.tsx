import { ApiError } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** The in-page side of a failed load; the toast has already said it, this keeps it in view. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useI18n();
  const detail = error instanceof ApiError ? error.message : t('error.unexpected');
  return (
    <div className="alert alert-danger d-flex flex-wrap align-items-center gap-2" role="alert">
      <div className="flex-grow-1">
        <strong>{t('error.loadFailed')}</strong> {detail}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-sm btn-outline-danger" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
