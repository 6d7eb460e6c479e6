import type { LIMITS } from '@folio/schema';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';

interface CommentFormProps {
  label: string;
  submitLabel: string;
  initial?: string;
  busy: boolean;
  /** Resolves once saved; the form empties itself then. */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/**
 * LIMITS.commentBody, checked by the type rather than imported (see comment-tree's EDIT_MINUTES);
 * for the same reason the error shows without form-field's FieldError, which imports LIMITS.
 */
const MAX_LENGTH: (typeof LIMITS)['commentBody'] = 5000;

/** A comment's text box: plain text, 1 to 5000 characters, the API's refusal shown under it. */
export function CommentForm({
  label,
  submitLabel,
  initial = '',
  busy,
  onSubmit,
  onCancel,
  autoFocus,
}: CommentFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim() || body.length > MAX_LENGTH) {
      setError(t('comments.length'));
      return;
    }
    setError(undefined);
    try {
      await onSubmit(body);
      setBody('');
    } catch (err) {
      // The API words its refusals in the reader's language already.
      setError(err instanceof ApiError ? (err.errors?.body ?? err.message) : String(err));
    }
  }

  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        className={error ? 'form-control is-invalid' : 'form-control'}
        rows={3}
        value={body}
        placeholder={label}
        maxLength={MAX_LENGTH}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setBody(e.target.value)}
        autoFocus={autoFocus}
      />
      {error && (
        <div id={`${id}-error`} className="invalid-feedback d-block" data-testid="field-error">
          {error}
        </div>
      )}
      <div className="d-flex gap-2 justify-content-end mt-2">
        {onCancel && (
          <button type="button" className="btn btn-sm btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        {/* SubmitButton's markup: importing it here would split the chunk it shares with the
            account forms, and the home page's first load would list one file more. */}
        <button
          type="submit"
          className="btn btn-sm btn-primary"
          disabled={busy}
          aria-busy={busy || undefined}
        >
          {busy && <span className="spinner-border spinner-border-sm me-2" aria-hidden="true" />}
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
