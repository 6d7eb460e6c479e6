import { useI18n } from '../../../lib/i18n';

interface SaveStatusProps {
  saving: boolean;
  dirty: boolean;
  conflict: boolean;
  failed: boolean;
  needsTitle: boolean;
  savedAt: Date | null;
}

/** Saving…, Saved at 10:42, Unsaved changes: what the API holds compared with the fields. */
export function SaveStatus({
  saving,
  dirty,
  conflict,
  failed,
  needsTitle,
  savedAt,
}: SaveStatusProps) {
  const { t, locale } = useI18n();
  let text = '';
  let tone = 'text-body-secondary';
  if (saving) text = t('write.status.saving');
  else if (conflict) {
    text = t('write.status.conflict');
    tone = 'text-warning-emphasis';
  } else if (dirty && failed) {
    text = t('write.status.failed');
    tone = 'text-danger';
  } else if (dirty && needsTitle) text = t('write.status.needsTitle');
  else if (dirty) {
    text = t('write.status.unsaved');
    tone = 'text-warning-emphasis';
  } else if (savedAt) {
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(
      savedAt,
    );
    text = t('write.status.savedAt', { time });
  }
  return (
    <span
      className={`small ${tone} save-status`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={
        saving ? 'saving' : conflict ? 'conflict' : dirty ? 'unsaved' : savedAt ? 'saved' : 'new'
      }
    >
      {saving && <span className="spinner-border spinner-border-sm me-1" aria-hidden="true" />}
      {text}
    </span>
  );
}
