import { FailureSchema } from '@folio/schema';

/** Failure responses a route declares in the OpenAPI document, by status. */
export function failures(
  ...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503)[]
) {
  return Object.fromEntries(statuses.map((s) => [s, FailureSchema])) as Record<
    number,
    typeof FailureSchema
  >;
}

export function ok<T>(data: T, extra: { msg?: string; location?: string } = {}) {
  return { result: true as const, data, ...extra };
}
