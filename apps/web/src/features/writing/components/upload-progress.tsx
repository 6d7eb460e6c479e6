import { useI18n } from '../../../lib/i18n';

/** A file on its way to the API, with how much of it has gone. */
export function UploadProgress({ name, fraction }: { name: string; fraction: number }) {
  const { t } = useI18n();
  const percent = Math.round(fraction * 100);
  return (
    <div className="upload-progress small" data-testid="upload-progress">
      <div className="d-flex justify-content-between gap-2 mb-1">
        <span className="text-truncate">{t('write.upload.uploading', { name })}</span>
        <span className="text-nowrap">{percent}%</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('write.upload.uploading', { name })}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        style={{ height: '0.5rem' }}
      >
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
