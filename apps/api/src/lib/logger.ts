import {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import type { Config } from '../config';

/** Keys that only ever hold secrets, redacted on a logged object and one level inside it. */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'clientSecret',
];

/**
 * Paths to secrets. `code` is an SMS code only in a request body: elsewhere (`err.code`) it says
 * why something failed (ECONNREFUSED, ER_DUP_ENTRY), which the logs need.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  ...SECRET_FIELDS.flatMap((f) => [f, `*.${f}`, `body.${f}`, `req.body.${f}`]),
  'body.code',
  'req.body.code',
];

/** pino options: secrets redacted where they can appear, pretty lines in development. */
export function loggerOptions(
  config: Config,
  stream?: { write(line: string): void },
): FastifyServerOptions['logger'] {
  return {
    ...(stream && { stream }),
    level: config.LOG_LEVEL,
    redact: {
      paths: REDACT_PATHS,
      censor: '[redacted]',
    },
    ...(config.NODE_ENV === 'development' &&
      !stream && {
        transport: {
          target: 'pino-pretty',
          options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
        },
      }),
  };
}

/**
 * Pages and callbacks whose query string is a one-time secret: the OAuth callback's code and
 * state, and the SPA pages that mailed links open with `?token=`. React Router matches paths
 * without regard to case, so these do too.
 */
const SECRET_QUERY_PATHS = [
  /^\/api\/v1\/auth\/oauth\/[^/]+\/callback\/?$/i,
  /^\/(?:reset-password|verify-email|confirm-email)\/?$/i,
];
/** Query parameters that carry a secret wherever they appear (`/login?oauth=<pending ticket>`). */
const SECRET_PARAMS = new Set([
  'token',
  'code',
  'state',
  'oauth',
  'access_token',
  'id_token',
  'ticket',
]);

/** The URL as a log line may show it: without the query strings that carry tokens. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const path = url.slice(0, q);
  if (SECRET_QUERY_PATHS.some((re) => re.test(path))) return `${path}?[redacted]`;
  const params = url.slice(q + 1).split('&');
  let redacted = false;
  const kept = params.map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq === -1 ? pair : pair.slice(0, eq);
    let key = name;
    try {
      key = decodeURIComponent(name.replaceAll('+', ' '));
    } catch {
      // A malformed escape is logged as sent.
    }
    if (!SECRET_PARAMS.has(key.toLowerCase())) return pair;
    redacted = true;
    return `${name}=[redacted]`;
  });
  return redacted ? `${path}?${kept.join('&')}` : url;
}

const INFO_OR_LOWER = new Set(['info', 'debug', 'trace']);

/** One line per request, written when it completes: id, method, route, status and time. */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'reqId' });
  }

  override incomingRequest() {}

  override requestCompleted(_error: unknown, request: FastifyRequest, reply: FastifyReply) {
    // Skip building the line at all when info is off (benchmarks, quiet deployments).
    if (!INFO_OR_LOWER.has(request.log.level)) return;
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        url: loggableUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  }
}
