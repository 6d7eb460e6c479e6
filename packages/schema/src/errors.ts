/** Every failure code the API answers with, and the HTTP status that goes with it. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  // Domain codes: a client can act on each of these by itself.
  CAPTCHA_REQUIRED: 422,
  CAPTCHA_INVALID: 422,
  CODE_INVALID: 422,
  TOKEN_INVALID: 422,
  CREDENTIALS_INVALID: 401,
  SESSION_EXPIRED: 401,
  ACCOUNT_PENDING: 403,
  ACCOUNT_LOCKED: 403,
  ACCOUNT_DISABLED: 403,
  REGISTRATION_CLOSED: 403,
  ORIGIN_FORBIDDEN: 403,
  LAST_LOGIN_METHOD: 409,
  IDENTITY_TAKEN: 409,
  // Comments: the blog's owner closed them; the writer's time to edit is over; the same text again.
  COMMENTS_CLOSED: 403,
  COMMENT_EDIT_EXPIRED: 403,
  COMMENT_DUPLICATE: 409,
  // OAuth: the provider refused, the person cancelled there, or its answer could not be used.
  OAUTH_FAILED: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_STATUS;
}
