import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api-client';
import { apiFieldErrors, validate } from './form-errors';
import type { FieldErrors } from './form-errors';
import { useI18n } from './i18n';

/**
 * A form's field errors and its one failure message. Problems about fields show under them;
 * anything else becomes `failure` (for a FormAlert), or goes to `onFailure` when given (a toast).
 */
export function useFormErrors(onFailure?: (message: string) => void) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const setFieldErrors = useCallback(
    (found: FieldErrors) => setErrors((current) => ({ ...current, ...found })),
    [],
  );

  /** The data to send, or null once the problems (the schema's, then `extra`) are showing. */
  function check<S extends z.ZodType>(
    schema: S,
    values: unknown,
    extra?: FieldErrors,
  ): z.output<S> | null {
    const checked = validate(schema, values);
    const found = { ...checked.errors, ...extra };
    setErrors(found);
    // An empty message clears a field's error without being one.
    if (!checked.data || Object.values(found).some(Boolean)) return null;
    setFailure(null);
    return checked.data;
  }

  /** Shows a failed request: `fields` under their fields, or else the failure itself. */
  function showApiError(error: unknown, fields: FieldErrors) {
    setErrors(fields);
    if (Object.keys(fields).length > 0) return;
    const message = error instanceof ApiError ? error.message : t('error.unexpected');
    if (onFailure) onFailure(message);
    else setFailure(message);
  }

  /** A mutation's onError, as is. */
  function onApiError(error: unknown) {
    showApiError(error, apiFieldErrors(error));
  }

  return { errors, setErrors, setFieldErrors, failure, check, onApiError, showApiError };
}
