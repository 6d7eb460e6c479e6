import type { z } from 'zod';
import { ApiError } from './api-client';

export type FieldErrors = Record<string, string>;

/** The first problem of each top-level field, as the schema words it (often a FIELD_MESSAGES key). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/** The API's per-field problems, or none when the failure is not about fields. */
export function apiFieldErrors(error: unknown): FieldErrors {
  return error instanceof ApiError && error.errors ? { ...error.errors } : {};
}

/** Parses form values with the API's own schema: the data to send, or the errors to show. */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { data: z.output<S>; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  return parsed.success ? { data: parsed.data } : { errors: zodFieldErrors(parsed.error) };
}
