import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';

/** A save refused with 412: the blog was saved elsewhere since this page read it. */
export function ConflictAlert({
  onResolve,
}: {
  onResolve: (choice: 'theirs' | 'mine') => Promise<void>;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const choose = (choice: 'theirs' | 'mine') => {
    setBusy(true);
    void onResolve(choice).finally(() => setBusy(false));
  };
  return (
    <div className="alert alert-warning" role="alert" data-testid="conflict-alert">
      <h2 className="h6 alert-heading">{t('write.conflict.title')}</h2>
      <p className="mb-2">{t('write.conflict.text')}</p>
      <div className="d-flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-sm btn-outline-secondary"
          disabled={busy}
          onClick={() => choose('theirs')}
        >
          {t('write.conflict.theirs')}
        </button>
        <button
          type="button"
          className="btn btn-sm btn-warning"
          disabled={busy}
          onClick={() => choose('mine')}
        >
          {t('write.conflict.mine')}
        </button>
      </div>
    </div>
  );
}
