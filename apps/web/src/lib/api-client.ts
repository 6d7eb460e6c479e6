import { ERROR_STATUS, isErrorCode } from '@folio/schema';
import type { AuthResult, ErrorCode, Failure } from '@folio/schema';
import { clearSession, getAccessToken, getAuthState, sessionLost, setSession } from './auth-store';
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
  /** Seconds the API asked to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | undefined;
  /** The API said the next attempt needs a solved captcha. */
  readonly captchaRequired: boolean;

  constructor(
    code: ApiErrorCode,
    msg: string,
    errors: Record<string, string> | undefined,
    status: number,
    requestId?: string,
    retryAfter?: number,
    captchaRequired = false,
  ) {
    super(msg);
    this.name = 'ApiError';
    this.code = code;
    this.errors = errors;
    this.status = status;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
    this.captchaRequired = captchaRequired;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

/**
 * A request's options. The answer's `data` is typed by the caller from the shared schema's types
 * and not validated again here: the API serializes every response through that same schema, and
 * carrying the validator would put zod in every page's first load.
 */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON, or FormData for uploads. */
  body?: unknown;
  signal?: AbortSignal;
  /** More request headers (`If-Match`, say). */
  headers?: Record<string, string>;
  /**
   * What a 401 means: by default the access token ran out, so refresh once and retry; calls
   * about the session itself (refresh, logout) take the answer as it is.
   */
  onUnauthorized?: 'refresh' | 'throw';
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

function readRetryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** 401 codes that mean "the access token is no good", as opposed to a wrong password. */
const TOKEN_REFUSED = new Set<ApiErrorCode>(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/** The API refused the access token (it ran out, say): a refresh may help. */
export function isTokenRefused(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 401 && TOKEN_REFUSED.has(error.code);
}

/**
 * Runs `attempt` with the access token of the moment; when the API refuses the token, refreshes
 * the session once and runs it again, and sends the person to the login page if that is refused
 * too. Requests that do not go through `fetch` (an upload with progress) use it as well.
 */
export async function withSessionRefresh<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isTokenRefused(error)) throw error;
    const refreshed = await refreshSession().catch(() => false);
    if (!refreshed) throw error;
    try {
      return await attempt();
    } catch (retryError) {
      if (retryError instanceof ApiError && retryError.status === 401) sessionLost();
      throw retryError;
    }
  }
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

/**
 * Calls the API and unwraps its envelope: resolves with `data`, or throws an `ApiError` carrying
 * the failure's code, localized message, per-field errors and HTTP status. Sends the access
 * token; when the API refuses it, refreshes the session once and retries, else sends the person
 * to the login page.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiResponse<T>(path, options)).data;
}

/** `apiRequest`, with the answer's headers too (an `ETag`, say). */
export function apiResponse<T>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  if ((options.onUnauthorized ?? 'refresh') !== 'refresh') return send<T>(path, options);
  return withSessionRefresh(() => send<T>(path, options));
}

let refreshing: Promise<boolean> | null = null;

/**
 * Trades the refresh cookie for a new access token. Concurrent callers share one request: the
 * API rotates the refresh token on every use and ends the session if an old one comes back.
 * Resolves false when the API refuses (and, unless this is the start-up check, sends the person
 * to the login page once); rejects when the API could not be reached.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      setSession((await send<AuthResult>('/auth/refresh', { method: 'POST' }, false)).data);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) throw error;
      if (getAuthState().status === 'unknown') clearSession();
      else sessionLost();
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** At start-up: a reload stays logged in through the HttpOnly refresh cookie. */
export function restoreSession(): Promise<void> {
  return refreshSession().then(
    () => undefined,
    () => clearSession(),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The failure envelope, when that is what came back (a proxy's HTML error page is not). */
function readFailure(payload: unknown): Failure | undefined {
  if (!isRecord(payload) || payload.result !== false) return undefined;
  const { code, msg, errors, requestId } = payload;
  if (typeof code !== 'string' || typeof msg !== 'string') return undefined;
  const fieldErrors =
    isRecord(errors) && Object.values(errors).every((text) => typeof text === 'string')
      ? (errors as Record<string, string>)
      : undefined;
  return {
    result: false,
    code,
    msg,
    errors: fieldErrors,
    requestId: typeof requestId === 'string' ? requestId : '',
    captchaRequired: payload.captchaRequired === true ? true : undefined,
  };
}

/** The headers every API call sends: JSON, the reader's language and, when asked, the token. */
export function apiHeaders(withToken = true): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLocale(),
  };
  const token = withToken ? getAccessToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/**
 * The `ApiError` a failed answer stands for: the envelope's code, message and field errors, or,
 * when something else answered (a proxy's error page), the status's own code and message.
 */
export async function failureError(
  status: number,
  payload: unknown,
  retryAfter?: number,
): Promise<ApiError> {
  const failure = readFailure(payload);
  if (failure) {
    const { code, msg, errors, requestId, captchaRequired } = failure;
    const known = isErrorCode(code) ? code : codeForStatus(status);
    return new ApiError(
      known,
      msg,
      errors,
      status,
      requestId || undefined,
      retryAfter,
      captchaRequired === true,
    );
  }
  const code = codeForStatus(status);
  // Loaded only on this path: every code's message in both languages is a page's worth of text.
  const { ERROR_MESSAGES } = await import('@folio/schema/messages');
  return new ApiError(
    code,
    ERROR_MESSAGES[code][getLocale()],
    undefined,
    status,
    undefined,
    retryAfter,
  );
}

async function send<T>(
  path: string,
  { method = 'GET', query, body, signal, headers: extraHeaders }: RequestOptions,
  withToken = true,
): Promise<ApiResponse<T>> {
  const locale = getLocale();
  const headers = { ...apiHeaders(withToken), ...extraHeaders };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
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
    throw await failureError(response.status, payload, readRetryAfter(response));
  }

  if (!isRecord(payload) || payload.result !== true || !('data' in payload)) {
    throw new ApiError(
      'INVALID_RESPONSE',
      translate(locale, 'error.invalidResponse'),
      undefined,
      response.status,
    );
  }
  return { data: payload.data as T, headers: response.headers };
}
