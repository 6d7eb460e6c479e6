import { FailureSchema } from '@folio/schema';
import type { FastifySchema } from 'fastify';

/**
 * Failures a route's own rules answer, by status: 403, 404, 409 and 412 from its domain, and a 401 or
 * 429 its handler or service throws by itself (a wrong password, a throttle in the service). The
 * failures every route of a kind can answer are added by `documentRoute`, not listed here.
 */
export function failures(...statuses: (401 | 403 | 404 | 409 | 412 | 429)[]) {
  return Object.fromEntries(statuses.map((s) => [s, FailureSchema])) as Record<
    number,
    typeof FailureSchema
  >;
}

export function ok<T>(data: T, extra: { msg?: string; location?: string } = {}) {
  return { result: true as const, data, ...extra };
}

/** For a route that checks a token only sometimes (it calls `app.authenticate` itself). */
export const optionalAuth: Record<string, string[]>[] = [{ bearerAuth: [] }, {}];

/** What each failure status means, as the OpenAPI document says it. */
export const FAILURE_DESCRIPTIONS: Record<number, string> = {
  400: 'The body could not be parsed (BAD_REQUEST)',
  401: 'No valid access token, or wrong credentials (UNAUTHENTICATED, SESSION_EXPIRED, CREDENTIALS_INVALID)',
  403: 'Not allowed for this account or request (FORBIDDEN or a domain code)',
  404: 'No such resource (NOT_FOUND)',
  409: 'Conflicts with the current state (CONFLICT or a domain code)',
  412: 'It changed since the version `If-Match` names (PRECONDITION_FAILED)',
  413: 'The body is larger than the server takes (PAYLOAD_TOO_LARGE)',
  415: 'The body is not of a media type this operation takes (UNSUPPORTED_MEDIA_TYPE)',
  422: 'A field is invalid: `errors` names each (VALIDATION_FAILED or a domain code)',
  429: 'Too many requests; wait the seconds of `Retry-After` (RATE_LIMITED)',
  503: 'A service it needs is down, or the server is shutting down (UNAVAILABLE)',
};

/** Methods whose bodies Fastify parses; GET and HEAD bodies are never read. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The ids generated clients name their methods by, one per operation (`METHOD url`). Every
 * documented route needs one here; test/openapi.test.ts fails for a missing or a repeated one.
 */
export const OPERATION_IDS: Record<string, string> = {
  'GET /api/v1/health/live': 'checkLiveness',
  'GET /api/v1/health/ready': 'checkReadiness',
  'GET /api/v1/blogs': 'listBlogs',
  'GET /api/v1/blogs/:id': 'getBlog',
  'POST /api/v1/blogs': 'createBlog',
  'PATCH /api/v1/blogs/:id': 'updateBlog',
  'DELETE /api/v1/blogs/:id': 'deleteBlog',
  'POST /api/v1/blogs/:id/restore': 'restoreBlog',
  'GET /api/v1/blogs/hot': 'listHotBlogs',
  'GET /api/v1/blogs/featured': 'listFeaturedBlogs',
  'GET /api/v1/blogs/:id/adjacent': 'getAdjacentBlogs',
  'GET /api/v1/blogs/:id/related': 'listRelatedBlogs',
  'POST /api/v1/blogs/:id/views': 'countBlogView',
  'PUT /api/v1/blogs/:id/featured': 'setBlogFeatured',
  'GET /api/v1/blogs/:id/revisions': 'listBlogRevisions',
  'POST /api/v1/blogs/:id/revisions/:revisionId/restore': 'restoreBlogRevision',
  'GET /api/v1/me/blogs': 'listMyBlogs',
  'GET /api/v1/me/blogs/:id': 'getMyBlog',
  'GET /api/v1/search': 'searchBlogs',
  'GET /api/v1/tags': 'listTags',
  'GET /api/v1/tags/:slug': 'getTag',
  'GET /api/v1/authors': 'listAuthors',
  'GET /api/v1/authors/:id': 'getAuthor',
  'GET /api/v1/captcha': 'createCaptcha',
  'POST /api/v1/auth/sms-codes': 'sendSmsCode',
  'POST /api/v1/auth/register/phone': 'registerByPhone',
  'POST /api/v1/auth/register/email': 'registerByEmail',
  'POST /api/v1/auth/verify-email': 'verifyEmail',
  'POST /api/v1/auth/verify-email/resend': 'resendVerificationEmail',
  'POST /api/v1/auth/login': 'login',
  'POST /api/v1/auth/login/sms': 'loginWithSmsCode',
  'POST /api/v1/auth/refresh': 'refreshSession',
  'POST /api/v1/auth/logout': 'logout',
  'POST /api/v1/auth/password/forgot': 'forgotPassword',
  'POST /api/v1/auth/password/reset': 'resetPassword',
  'GET /api/v1/auth/oauth/providers': 'listOAuthProviders',
  'GET /api/v1/auth/oauth/pending/:ticket': 'getOAuthPending',
  'GET /api/v1/auth/oauth/:provider/start': 'startOAuth',
  'GET /api/v1/auth/oauth/:provider/callback': 'finishOAuth',
  'GET /api/v1/admin/roles': 'listRoles',
  'POST /api/v1/admin/roles': 'createRole',
  'PATCH /api/v1/admin/roles/:id': 'updateRole',
  'DELETE /api/v1/admin/roles/:id': 'deleteRole',
  'GET /api/v1/admin/audit': 'listAuditLog',
  'GET /api/v1/admin/exports/users': 'exportUsers',
  'GET /api/v1/admin/exports/blogs': 'exportBlogs',
  'GET /api/v1/admin/exports/comments': 'exportComments',
  'GET /api/v1/admin/exports/audit': 'exportAuditLog',
  'GET /api/v1/admin/stats/summary': 'getStatsSummary',
  'GET /api/v1/admin/stats/daily': 'getDailyStats',
  'GET /api/v1/admin/users': 'listUsers',
  'GET /api/v1/admin/users/:id': 'getUser',
  'DELETE /api/v1/admin/users/:id/sessions/:sid': 'endUserSession',
  'POST /api/v1/admin/users/bulk': 'bulkUpdateUsers',
  'GET /api/v1/admin/blogs': 'listAdminBlogs',
  'POST /api/v1/admin/blogs/bulk': 'bulkUpdateBlogs',
  'GET /api/v1/admin/comments': 'listAdminComments',
  'POST /api/v1/admin/comments/bulk': 'bulkUpdateComments',
  'GET /api/v1/admin/comments/reports': 'listReportedComments',
  'GET /api/v1/admin/authors': 'listAdminAuthors',
  'POST /api/v1/admin/authors': 'createAuthor',
  'PATCH /api/v1/admin/authors/:id': 'updateAuthor',
  'GET /api/v1/admin/users/:id/roles': 'getUserRoles',
  'PUT /api/v1/admin/users/:id/roles': 'setUserRoles',
  'GET /api/v1/admin/settings': 'getSettings',
  'PATCH /api/v1/admin/settings': 'updateSettings',
  'GET /api/v1/admin/settings/defaults': 'getSettingsDefaults',
  'DELETE /api/v1/admin/settings/:name': 'resetSetting',
  'GET /api/v1/admin/outbox': 'listOutbox',
  'GET /api/v1/site': 'getSite',
  'GET /api/v1/me': 'getMe',
  'PATCH /api/v1/me': 'updateMe',
  'DELETE /api/v1/me': 'deleteMe',
  'POST /api/v1/me/avatar': 'uploadAvatar',
  'POST /api/v1/me/password': 'changePassword',
  'POST /api/v1/me/email': 'changeEmail',
  'POST /api/v1/me/email/confirm': 'confirmEmailChange',
  'POST /api/v1/me/phone': 'changePhone',
  'GET /api/v1/me/sessions': 'listSessions',
  'DELETE /api/v1/me/sessions': 'revokeOtherSessions',
  'DELETE /api/v1/me/sessions/:id': 'revokeSession',
  'DELETE /api/v1/me/identities/:id': 'unbindIdentity',
  'POST /api/v1/uploads': 'createUpload',
  'GET /api/v1/blogs/:id/comments': 'listBlogComments',
  'POST /api/v1/blogs/:id/comments': 'createComment',
  'GET /api/v1/comments/:id/replies': 'listCommentReplies',
  'PATCH /api/v1/comments/:id': 'updateComment',
  'DELETE /api/v1/comments/:id': 'deleteComment',
  'POST /api/v1/comments/:id/report': 'reportComment',
  'GET /api/v1/me/notifications': 'listNotifications',
  'GET /api/v1/me/notifications/unread-count': 'getUnreadNotificationCount',
  'POST /api/v1/me/notifications/read-all': 'markAllNotificationsRead',
  'POST /api/v1/me/notifications/:id/read': 'markNotificationRead',
  'DELETE /api/v1/me/notifications/:id': 'deleteNotification',
  'POST /api/v1/events/ticket': 'createEventTicket',
  'GET /api/v1/events': 'streamEvents',
};

interface RouteFacts {
  method: string;
  url: string;
  schema: FastifySchema;
  /** It runs `app.authenticate` before the handler. */
  authenticates: boolean;
  /** Its per-IP or per-user limit (`config.rateLimit`), if any. */
  rateLimit?: { max?: unknown; timeWindow?: unknown; onlyWithQuery?: unknown; perUser?: unknown };
  /** The permission `app.requires` checks before the handler (or all of several), if any. */
  permission?: string | string[];
}

/**
 * A route's schema as the document shows it, derived from the route itself so that no route can
 * forget a part: its security (bearer when it authenticates, none when public, or the route's own
 * `optionalAuth`), its operationId, and the failures every route of its kind can answer:
 * 400/413/415 when Fastify parses its body, 422 when zod validates a part of the request, 401 when
 * it authenticates, 429 under a per-IP or per-user limit (`x-rate-limit` says it), and 503 for all (a dependency down, or closing).
 */
export function documentRoute({
  method,
  url,
  schema,
  authenticates,
  rateLimit,
  permission,
}: RouteFacts): FastifySchema {
  const response: Record<string, unknown> = { ...(schema.response as object | undefined) };
  const derived: number[] = [503];
  if (BODY_METHODS.has(method)) derived.push(400, 413, 415);
  if (schema.body || schema.querystring || schema.params) derived.push(422);
  if (authenticates) derived.push(401);
  if (permission) derived.push(403);
  if (rateLimit) derived.push(429);
  for (const status of derived) response[status] ??= FailureSchema;
  // Clients (and the tests) can pace themselves by the limit, where it is a plain number.
  const { max, timeWindow, onlyWithQuery, perUser } = rateLimit ?? {};
  const limit =
    typeof max === 'number' && typeof timeWindow === 'number'
      ? {
          'x-rate-limit': {
            ...(perUser === true ? { perUser: max } : { perIp: max }),
            windowSeconds: timeWindow / 1000,
            ...(typeof onlyWithQuery === 'string' && { onlyWithQuery }),
          },
        }
      : {};

  if (authenticates && schema.security) {
    throw new Error(`${method} ${url} runs app.authenticate: it needs no security of its own`);
  }
  const security = authenticates ? [{ bearerAuth: [] }] : (schema.security ?? []);
  const operationId = schema.operationId ?? OPERATION_IDS[`${method} ${url}`];
  const needed = typeof permission === 'string' ? [permission] : (permission ?? []);
  const needs = needed.length
    ? {
        'x-permission': permission,
        description: [
          needed.length === 1
            ? `Needs the permission \`${needed[0]}\`.`
            : `Needs the permissions ${needed.map((p) => `\`${p}\``).join(' and ')}.`,
          schema.description,
        ]
          .filter(Boolean)
          .join(' '),
      }
    : {};
  return {
    ...schema,
    ...needs,
    ...(operationId ? { operationId } : {}),
    security,
    ...limit,
    response,
  };
}
