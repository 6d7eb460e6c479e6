import { LIMITS } from '@folio/schema';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { FieldError } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
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
    if (!body.trim() || body.length > LIMITS.commentBody) {
      setError('commentLength');
      return;
    }
    setError(undefined);
    try {
      await onSubmit(body);
      setBody('');
    } catch (err) {
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
        maxLength={LIMITS.commentBody}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setBody(e.target.value)}
        autoFocus={autoFocus}
      />
      <FieldError id={`${id}-error`} message={error} />
      <div className="d-flex gap-2 justify-content-end mt-2">
        {onCancel && (
          <button type="button" className="btn btn-sm btn-outline-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <SubmitButton busy={busy} className="btn btn-sm btn-primary">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
