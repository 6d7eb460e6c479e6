import './lib/threadpool';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pickLocale, EventsQuery, ERROR_STATUS, type ErrorCode, type Failure } from '@folio/schema';
import { pino, type LoggerOptions } from 'pino';
import { loadConfig } from './config';
import { createDb, createPool } from './db/connection';
import { CountCache } from './lib/count-cache';
import { dependencyOf } from './lib/dependency-errors';
import { loadDotEnv } from './lib/dotenv';
import { AppError } from './lib/errors';
import { appErrorFields, errorMessage, issueMessage } from './lib/i18n';
import { deriveKey } from './lib/keys';
import { loggableUrl, loggerOptions } from './lib/logger';
import { createRedis } from './lib/redis';
import { exitWhenClosed, runMain } from './lib/process';
import { checkDependencies } from './lib/startup-checks';
import { createNotifications } from './modules/notifications/setup';
import { lastEventIdHeader, prepareEventStream } from './modules/notifications/stream';
import { createSessionStore } from './modules/sessions/store';
import { requestIdFor } from './plugins/app/request-context';
import { apiHeaders } from './plugins/external/helmet';

// The events process: GET /api/v1/events (and /api/v1/health/live) and nothing else, for
// deployments that send the event streams to processes of their own (nginx's FOLIO_EVENTS_UPSTREAM).
// It loads no web framework and none of the API's other modules, so each idle stream costs its
// connection and little more. Tickets, sessions and missed events are the API's own (Redis,
// MariaDB); a notification published by any API process reaches the streams here.

const EVENTS_PATH = '/api/v1/events';
const LIVE_PATH = '/api/v1/health/live';
/** How long streams may take to end once the listener closes. */
const SHUTDOWN_LIMIT_MS = 10_000;
/** Missed events are read with a few connections: a stream opens with one query at most. */
const POOL_SIZE = 4;

async function main() {
  loadDotEnv();
  const config = loadConfig();
  await checkDependencies(config);
  const log = pino(loggerOptions(config) as LoggerOptions);
  const pool = createPool({
    url: config.DATABASE_URL,
    size: POOL_SIZE,
    idleTimeoutMs: config.DB_IDLE_TIMEOUT_MS,
    queryTimeoutMs: config.DB_QUERY_TIMEOUT_MS,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    queueLimit: config.DB_QUEUE_LIMIT,
  });
  const redis = createRedis(config.REDIS_URL);
  redis.on('error', (err) => log.warn({ err }, 'redis error'));
  await redis.connect();
  const sessions = createSessionStore(redis, deriveKey(config.JWT_SECRET, 'refresh-token'));
  const notifications = createNotifications(config, {
    db: createDb(pool),
    redis,
    counts: new CountCache(redis, config.DATABASE_URL, log),
    aliveSessions: (sids) => sessions.alive(sids),
    log,
  });
  const securityHeaders = Object.fromEntries(apiHeaders(config.SITE_ORIGIN.startsWith('https:')));

  const fail = (
    res: ServerResponse,
    requestId: string,
    code: ErrorCode,
    fields: Partial<Failure>,
  ) => {
    const body: Failure = { result: false, code, msg: '', ...fields, requestId };
    res.writeHead(ERROR_STATUS[code], {
      ...securityHeaders,
      'x-request-id': requestId,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const locale = pickLocale(req.headers['accept-language']);
    const url = new URL(req.url ?? '/', 'http://events.invalid');
    const failWith = (code: ErrorCode, fields: Partial<Failure> = {}) =>
      fail(res, requestId, code, { msg: errorMessage(code, locale), ...fields });
    if (url.pathname === LIVE_PATH && req.method === 'GET') {
      res.writeHead(200, {
        ...securityHeaders,
        'x-request-id': requestId,
        'content-type': 'application/json; charset=utf-8',
      });
      res.end(JSON.stringify({ result: true, data: { status: 'ok' } }));
      return;
    }
    if (url.pathname !== EVENTS_PATH) return failWith('NOT_FOUND');
    if (req.method !== 'GET') return failWith('METHOD_NOT_ALLOWED');
    const query = EventsQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) {
      const issue = query.error.issues[0]!;
      return failWith('VALIDATION_FAILED', {
        errors: { [issue.path.join('.') || 'querystring']: issueMessage(issue, locale) },
      });
    }
    try {
      const start = await prepareEventStream(
        { notifications, aliveSessions: (sids) => sessions.alive(sids) },
        query.data.ticket,
        query.data.lastEventId ?? lastEventIdHeader(req.headers['last-event-id']),
      );
      start(res, { ...securityHeaders, 'x-request-id': requestId });
    } catch (err) {
      if (err instanceof AppError) {
        return fail(res, requestId, err.code, appErrorFields(err, locale));
      }
      const dependency = dependencyOf(err);
      log.error(
        { err, reqId: requestId },
        dependency ? `${dependency} unavailable` : 'unhandled error',
      );
      return failWith(dependency ? 'UNAVAILABLE' : 'INTERNAL');
    }
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const requestId = requestIdFor(req);
    res.on('close', () => {
      log.info(
        {
          reqId: requestId,
          req: { method: req.method, url: loggableUrl(req.url ?? '/') },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(performance.now() - started),
        },
        'request completed',
      );
    });
    handle(req, res, requestId).catch((err: unknown) => {
      // Nothing a request sends may stop the process that holds everyone's streams.
      log.error({ err, reqId: requestId }, 'unhandled error');
      if (res.headersSent) res.destroy();
      else fail(res, requestId, 'INTERNAL', { msg: errorMessage('INTERNAL', 'en') });
    });
  });
  // A stream is idle by design: only the heartbeats pass, which the hub sends.
  server.requestTimeout = 0;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  log.info({ port: config.PORT, host: config.HOST }, 'events process listening');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    server.close();
    // Ending the streams lets the listener close; browsers reconnect to another process.
    notifications.hub.close();
    server.closeIdleConnections();
    exitWhenClosed(Promise.all([pool.end(), redis.quit()]), log);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

runMain('events', main);
