import rateLimit, { normalizeIP, type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../lib/errors';
import { networkOf } from '../../lib/network';

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts a request for a route that does not exist; RATE_LIMITED past UNKNOWN_ROUTE_LIMIT. */
    limitUnknownRoute(request: FastifyRequest): Promise<void>;
    /** Counts an SMS-sending request for its /24 or /56; RATE_LIMITED past SMS_NETWORK_LIMIT. */
    limitSmsNetwork(request: FastifyRequest): Promise<void>;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Requests per IP to routes that don't exist (404s): a person who follows a stale link makes a
 * few; a scanner makes thousands.
 */
export const UNKNOWN_ROUTE_LIMIT = { max: 120, timeWindow: MINUTE } as const;

/**
 * SMS-sending requests per /24 (IPv4) or /56 (IPv6): three addresses' worth of the per-IP limit,
 * so one network that rents many addresses can't spend the SMS budget alone.
 */
export const SMS_NETWORK_LIMIT = { max: 60, timeWindow: HOUR } as const;

/**
 * Per-IP limit for a list route, counting only searches (a non-empty `q`): plain pages are cheap
 * and cached, a search reads the titles (hundreds of ms over 100 000 blogs, see the bench). 60 a
 * minute is one a second for a whole minute, more than a person searching sends.
 */
export const SEARCH_LIMIT = {
  max: 60,
  timeWindow: MINUTE,
  allowList: (request: FastifyRequest) => !(request.query as { q?: unknown } | undefined)?.q,
  /** For the API document (`x-rate-limit`): the only requests allowList lets the limit count. */
  onlyWithQuery: 'q',
} as const satisfies RateLimitOptions & { onlyWithQuery: string };

/** `GET /search`, where every request is a search: the same per-IP limit as SEARCH_LIMIT's. */
export const SEARCH_ROUTE_LIMIT = {
  max: SEARCH_LIMIT.max,
  timeWindow: SEARCH_LIMIT.timeWindow,
} as const satisfies RateLimitOptions;

/**
 * Views reported per IP (`POST /blogs/:id/views`): a reader opens a few blogs a minute; an office
 * behind one address, some tens. Past it the views are refused, not miscounted.
 */
export const VIEW_LIMIT = { max: 300, timeWindow: MINUTE } as const;

/**
 * A limit counted by the account (`auth.userId`, the address when there is none) in its own
 * counter `key`, at `hook` (after authentication). `perUser` tells the API document
 * (`x-rate-limit`) it is counted per user, not per IP.
 */
function perUserLimit<const Hook extends 'preValidation' | 'preHandler'>(
  key: string,
  max: number,
  hook: Hook,
) {
  return {
    max,
    timeWindow: MINUTE,
    hook,
    keyGenerator: (request: FastifyRequest) => `${key}:${request.auth?.userId ?? request.ip}`,
    perUser: true,
  } as const satisfies RateLimitOptions & { perUser: boolean };
}

/**
 * Uploads per user: each is decoded and re-encoded three times (hundreds of ms of CPU for a
 * large photo). 30 a minute is more than a person pasting pictures into a text sends. Counted
 * after authentication (`hook: 'preHandler'`), by the account rather than the address.
 */
export const UPLOAD_LIMIT = perUserLimit('user', 30, 'preHandler');

/**
 * New comments per user: a person in a lively discussion writes one every several seconds at
 * most; a spammer many more. Counted after authentication (by the account) and before the body
 * is validated, so refused ones count too.
 */
export const COMMENT_LIMIT = perUserLimit('comment-user', 5, 'preValidation');

/**
 * Reports of comments per user: a reader going through a thread of spam reports several in a
 * row; 20 a minute allows that and stops a flood of the moderation queue.
 */
export const REPORT_LIMIT = perUserLimit('comment-report', 20, 'preValidation');

/**
 * Event-stream tickets per user (`POST /events/ticket`): each open tab takes one when it loads and
 * after each dropped connection (backing off from 1 s); 60 a minute leaves room for many tabs and
 * reloads, and stops a client that asks in a loop. Counted after authentication, by the account.
 */
export const EVENT_TICKET_LIMIT = perUserLimit('event-ticket', 60, 'preHandler');

const retryAfter = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs / 1000));

/**
 * Per-route request limits (`config.rateLimit` on a route; none by default), counted in Redis so
 * every API process shares them. Keys: `rl:<METHOD><url>-<ip>` for route limits, and
 * `rl:undefinedundefined-<kind>:<ip or network>` for the limits below (the library names keys of
 * limits made outside a route that way). An exceeded limit is thrown as RATE_LIMITED with
 * `Retry-After`, so the one error handler answers it.
 */
export default fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      redis: app.redis,
      nameSpace: 'rl:',
      errorResponseBuilder: (_request, context) =>
        new AppError('RATE_LIMITED', { retryAfter: retryAfter(context.ttl) }),
    });

    /** A limit checked where a route needs it, in addition to the route's own one. */
    const limiter = (limit: { max: number; timeWindow: number }, key: (ip: string) => string) => {
      const check = app.createRateLimit({ ...limit, keyGenerator: (request) => key(request.ip) });
      return async (request: FastifyRequest) => {
        const result = await check(request);
        if (!result.isAllowed && result.isExceeded) {
          throw new AppError('RATE_LIMITED', { retryAfter: retryAfter(result.ttl) });
        }
      };
    };
    app.decorate(
      'limitUnknownRoute',
      limiter(UNKNOWN_ROUTE_LIMIT, (ip) => `404:${normalizeIP(ip)}`),
    );
    app.decorate(
      'limitSmsNetwork',
      limiter(SMS_NETWORK_LIMIT, (ip) => `sms-net:${networkOf(ip)}`),
    );
  },
  { name: 'rate-limit', dependencies: ['redis'] },
);
