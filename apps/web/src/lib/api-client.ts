import { ERROR_MESSAGES, ERROR_STATUS, Envelope, FailureSchema, isErrorCode } from '@folio/schema';
import type { ErrorCode } from '@folio/schema';
import { z } from 'zod';
import { getLocale, translate } from './i18n';

export const API_BASE = '/api/v1';

/** Failures that never reached the API or came back in a shape it does not send. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'INVALID_RESPONSE';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly errors: Record<string, string> | undefined;
  /** The HTTP status, or 0 when no response arrived. */
  readonly status: number;
  readonly requestId: string | undefined;

  constructor(
    code: ApiErrorCode,
    msg: string,
    errors: Record<string, string> | undefined,
    status: number,
    requestId?: string,
  ) {
    super(msg);
    this.name = 'ApiError';
    this.code = code;
    this.errors = errors;
    this.status = status;
    this.requestId = requestId;
  }
}

const SuccessEnvelope = Envelope(z.unknown());

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<S extends z.ZodType> {
  /** Validates `data`, so callers get the shared schema's types and never a surprise. */
  schema: S;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

function codeForStatus(status: number): ErrorCode {
  const known = (Object.keys(ERROR_STATUS) as ErrorCode[]).find(
    (code) => ERROR_STATUS[code] === status,
  );
  if (known) return known;
  if (status === 502 || status === 504) return 'UNAVAILABLE';
  return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * Calls the API and unwraps its envelope: resolves with `data`, or throws an `ApiError` carrying
 * the failure's code, localized message, per-field errors and HTTP status.
 */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  { schema, method = 'GET', query, body, signal }: RequestOptions<S>,
): Promise<z.output<S>> {
  const locale = getLocale();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    // Cancellation is react-query's business, not a failure to report.
    if (signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', translate(locale, 'error.network'), undefined, 0);
  }

  const payload = await readJson(response);

  if (!response.ok) {
    const failure = FailureSchema.safeParse(payload);
    if (failure.success) {
      const { code, msg, errors, requestId } = failure.data;
      const known = isErrorCode(code) ? code : codeForStatus(response.status);
      throw new ApiError(known, msg, errors, response.status, requestId);
    }
    const code = codeForStatus(response.status);
    throw new ApiError(code, ERROR_MESSAGES[code][locale], undefined, response.status);
  }

  const envelope = SuccessEnvelope.safeParse(payload);
  const data = envelope.success ? schema.safeParse(envelope.data.data) : undefined;
  if (!data?.success) {
    throw new ApiError(
      'INVALID_RESPONSE',
      translate(locale, 'error.invalidResponse'),
      undefined,
      response.status,
    );
  }
  return data.data;
}
