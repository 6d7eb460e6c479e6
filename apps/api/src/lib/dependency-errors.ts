const DB_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'POOL_ACQUIRE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
]);

/** Which dependency (if any) an error says is down; walks the cause chain drizzle wraps errors in. */
export function dependencyOf(error: unknown): 'MariaDB' | 'Redis' | undefined {
  for (
    let e = error as
        { code?: unknown; name?: unknown; message?: unknown; cause?: unknown } | undefined,
      depth = 0;
    e && depth < 5;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e !== 'object') break;
    if (e.name === 'RedisUnavailableError' || e.name === 'MaxRetriesPerRequestError')
      return 'Redis';
    if (
      typeof e.message === 'string' &&
      /enableOfflineQueue|Connection is closed|Command timed out/.test(e.message)
    ) {
      return 'Redis';
    }
    if (typeof e.code === 'string' && DB_CONNECTION_CODES.has(e.code)) return 'MariaDB';
    if (
      typeof e.message === 'string' &&
      /Pool is closed|Queue limit reached|connection is in closed state/i.test(e.message)
    )
      return 'MariaDB';
  }
  return undefined;
}
