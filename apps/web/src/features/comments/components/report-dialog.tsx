import type { CommentReportReason, LIMITS } from '@folio/schema';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import type { PageMessageKey } from '../../../lib/i18n';
import { useReportComment } from '../api/comments';

/** LIMITS.reportNote, checked by the type rather than imported (see comment-tree's EDIT_MINUTES). */
const NOTE_MAX: (typeof LIMITS)['reportNote'] = 500;

/** Every reason the API takes, in the order offered, each with its text. */
const REASON_TEXTS = {
  spam: 'comments.report.reason.spam',
  abuse: 'comments.report.reason.abuse',
  offTopic: 'comments.report.reason.offTopic',
  other: 'comments.report.reason.other',
} as const satisfies Record<CommentReportReason, PageMessageKey>;
const REASONS = Object.keys(REASON_TEXTS) as CommentReportReason[];

interface ReportDialogProps {
  commentId: number;
  open: boolean;
  onClose: () => void;
}

/**
 * A reader's report of someone else's comment: why (one of the API's reasons) and an optional
 * note for staff. Thanked in a toast once sent; the API's refusal (one's own comment, a comment
 * gone meanwhile) shows in the dialog.
 */
export function ReportDialog({ commentId, open, onClose }: ReportDialogProps) {
  const { t } = useI18n();
  const toast = useToast();
  const report = useReportComment();
  const id = useId();
  const [reason, setReason] = useState<CommentReportReason | null>(null);
  const [note, setNote] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const noteTooLong = note.trim().length > NOTE_MAX;

  function submit() {
    if (!reason) {
      setReasonError(true);
      return;
    }
    if (noteTooLong) return;
    setFailure(null);
    report.mutate(
      { id: commentId, body: { reason, note: note.trim() } },
      {
        onSuccess: () => {
          toast.show({ kind: 'success', text: t('comments.report.thanks') });
          setReason(null);
          setNote('');
          onClose();
        },
        onError: (error) =>
          setFailure(error instanceof ApiError ? error.message : t('error.unexpected')),
      },
    );
  }

  return (
    <ConfirmDialog
      open={open}
      title={t('comments.reportTitle')}
      confirmLabel={t('comments.report.submit')}
      kind="primary"
      busy={report.isPending}
      onConfirm={submit}
      onClose={onClose}
    >
      {failure && (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      )}
      <fieldset
        className="mb-3"
        aria-describedby={reasonError && !reason ? `${id}-reason-error` : undefined}
      >
        <legend className="form-label fs-6">{t('comments.report.reasonLegend')}</legend>
        {REASONS.map((value) => (
          <div key={value} className="form-check">
            <input
              id={`${id}-${value}`}
              type="radio"
              name="reason"
              value={value}
              className={`form-check-input ${reasonError && !reason ? 'is-invalid' : ''}`}
              checked={reason === value}
              onChange={() => setReason(value)}
            />
            <label htmlFor={`${id}-${value}`} className="form-check-label">
              {t(REASON_TEXTS[value])}
            </label>
          </div>
        ))}
        {reasonError && !reason && (
          <div id={`${id}-reason-error`} className="invalid-feedback d-block">
            {t('comments.report.reasonRequired')}
          </div>
        )}
      </fieldset>
      <label htmlFor={`${id}-note`} className="form-label">
        {t('comments.report.note')}
      </label>
      <textarea
        id={`${id}-note`}
        name="note"
        className={`form-control ${noteTooLong ? 'is-invalid' : ''}`}
        rows={3}
        value={note}
        aria-invalid={noteTooLong || undefined}
        aria-describedby={`${id}-note-hint`}
        onChange={(event) => setNote(event.target.value)}
      />
      <div
        id={`${id}-note-hint`}
        className={noteTooLong ? 'invalid-feedback d-block' : 'form-text'}
      >
        {t(noteTooLong ? 'comments.report.noteLength' : 'comments.report.noteHint', {
          max: NOTE_MAX,
        })}
      </div>
    </ConfirmDialog>
  );
}
