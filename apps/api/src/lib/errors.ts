import type { DetailKey, ErrorCode, UploadQuota } from '@folio/schema';
import { ERROR_STATUS } from '@folio/schema';

export interface AppErrorOptions {
  /** A message from DETAIL_MESSAGES, said instead of the code's general one. */
  detail?: DetailKey;
  params?: Record<string, string | number>;
  /** Per-field messages (already keys or plain text). */
  errors?: Record<string, string>;
  location?: string;
  /** Seconds to wait before trying again (sent as `Retry-After`). */
  retryAfter?: number;
  /** The next attempt must carry a solved captcha. */
  captchaRequired?: boolean;
  /** The upload quota a 413 of POST /uploads ran into. */
  quota?: UploadQuota;
  cause?: unknown;
}

/** An error the client is told about: its code picks the status and the message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly detail?: DetailKey;
  readonly params?: Record<string, string | number>;
  readonly errors?: Record<string, string>;
  readonly location?: string;
  readonly retryAfter?: number;
  readonly captchaRequired?: boolean;
  readonly quota?: UploadQuota;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.statusCode = ERROR_STATUS[code];
    this.detail = options.detail;
    this.params = options.params;
    this.errors = options.errors;
    this.location = options.location;
    this.retryAfter = options.retryAfter;
    this.captchaRequired = options.captchaRequired;
    this.quota = options.quota;
  }
}

export const NotFound = (detail?: DetailKey, options: Omit<AppErrorOptions, 'detail'> = {}) =>
  new AppError('NOT_FOUND', { ...options, detail });

/**
 * Something Folio needs is down. The log always names it; the client is told which only with
 * `tell` (an outside service the person chose, or a loopback operator), never an internal part.
 */
export function Unavailable(name: string, cause?: unknown, { tell = true } = {}) {
  const error = new AppError(
    'UNAVAILABLE',
    tell ? { detail: 'dependencyDown', params: { name }, cause } : { cause },
  );
  error.message = `${name} unavailable`;
  return error;
}
