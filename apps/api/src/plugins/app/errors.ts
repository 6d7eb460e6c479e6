import { randomUUID } from 'node:crypto';
import { STATUS_CODES as HTTP_REASONS } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorCode, Failure, Locale } from '@folio/schema';
import { ERROR_STATUS, pickLocale } from '@folio/schema';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { core } from 'zod';
import { AppError } from '../../lib/errors';
import { appErrorFields, detailMessage, errorMessage, issueMessage } from '../../lib/i18n';
import { dependencyOf } from '../../lib/dependency-errors';

/** The general code for a status (the first listed; domain codes that share it come later). */
const STATUS_CODES = new Map<number, ErrorCode>();
for (const [code, status] of Object.entries(ERROR_STATUS)) {
  if (!STATUS_CODES.has(status)) STATUS_CODES.set(status, code as ErrorCode);
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

function fieldErrors(
  issues: { instancePath: string; keyword: string; message?: string; params: object }[],
  context: string | undefined,
  locale: Locale,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const v of issues) {
    const path = v.instancePath.split('/').filter(Boolean);
    const field = path.length ? path.join('.') : (context ?? 'body');
    if (errors[field]) continue;
    const issue = {
      ...v.params,
      code: v.keyword,
      message: v.message ?? '',
      path,
    } as core.$ZodIssue;
    errors[field] = issueMessage(issue, locale);
  }
  return errors;
}

function send(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: Partial<Pick<Failure, 'msg' | 'errors' | 'location' | 'quota'>> & {
    captchaRequired?: boolean;
  } = {},
) {
  const body: Failure = {
    result: false,
    code,
    msg: extra.msg ?? errorMessage(code, request.locale),
    ...(extra.errors && { errors: extra.errors }),
    ...(extra.location && { location: extra.location }),
    ...(extra.captchaRequired && { captchaRequired: true as const }),
    ...(extra.quota && { quota: extra.quota }),
    requestId: String(request.id),
  };
  return reply.code(ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
}

/**
 * Fastify's `frameworkErrors`: a URL it can't decode or a path parameter over `maxParamLength`
 * is refused by the router before any hook runs, so the request context is set here.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.locale = pickLocale(request.headers['accept-language']);
  reply.header('x-request-id', request.id);
  if (error.code === 'FST_ERR_BAD_URL') return send(request, reply, 'BAD_REQUEST');
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(request, reply, 'URI_TOO_LONG');
  request.log.error({ err: error }, 'unhandled framework error');
  return send(request, reply, 'INTERNAL');
}

const CLIENT_ERROR_CODES: Record<string, ErrorCode> = {
  HPE_HEADER_OVERFLOW: 'HEADERS_TOO_LARGE',
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
};

/**
 * Fastify's `clientErrorHandler` (Node's `clientError`): a request Node itself could not parse
 * (headers too large, malformed, too slow) never becomes a request, so its envelope is written to
 * the socket by hand, in English since no header was read.
 */
export function clientErrorHandler(
  this: FastifyInstance,
  err: Error & { code?: string },
  socket: Duplex,
) {
  // A reset connection is gone already; there is nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode = (err.code ? CLIENT_ERROR_CODES[err.code] : undefined) ?? 'BAD_REQUEST';
  const requestId = randomUUID();
  this.log.debug({ err, requestId }, 'unparseable request');
  if (socket.writable) {
    const body: Failure = { result: false, code, msg: errorMessage(code, 'en'), requestId };
    const json = JSON.stringify(body);
    const status = ERROR_STATUS[code];
    socket.write(
      `HTTP/1.1 ${status} ${HTTP_REASONS[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        `x-request-id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        json,
    );
  }
  socket.destroy(err);
}

/** The one place a failure body is made: every error, of every kind, ends here. */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const locale = request.locale ?? 'en';

      if (error instanceof AppError) {
        if (error.statusCode >= 500) request.log.error({ err: error }, error.message);
        if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
        return send(request, reply, error.code, appErrorFields(error, locale));
      }

      if (hasZodFastifySchemaValidationErrors(error)) {
        return send(request, reply, 'VALIDATION_FAILED', {
          errors: fieldErrors(error.validation, error.validationContext, locale),
        });
      }

      const dependency = dependencyOf(error);
      if (dependency) {
        // Which part is down is for the log; the public hears only that it is temporary.
        request.log.error({ err: error }, `${dependency} unavailable`);
        return send(request, reply, 'UNAVAILABLE');
      }

      const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (mapped) return send(request, reply, mapped);

      const status = error.statusCode ?? 500;
      if (status === 429) {
        return send(request, reply, 'RATE_LIMITED');
      }
      if (status >= 400 && status < 500) {
        return send(request, reply, STATUS_CODES.get(status) ?? 'BAD_REQUEST');
      }
      request.log.error({ err: error }, 'unhandled error');
      return send(request, reply, 'INTERNAL');
    });

    app.setNotFoundHandler(
      { preHandler: (request: FastifyRequest) => app.limitUnknownRoute(request) },
      (request, reply) =>
        send(request, reply, 'NOT_FOUND', {
          msg: detailMessage('routeNotFound', request.locale ?? 'en', {
            method: request.method,
            url: request.url.split('?')[0] ?? '',
          }),
        }),
    );
  },
  { name: 'errors', dependencies: ['request-context', 'rate-limit'] },
);
