import { Redis } from 'ioredis';

/**
 * Short timeouts and no offline queue: when Redis is down a command fails at once (and the request
 * answers 503) instead of waiting for a reconnect.
 */
export function createRedis(url: string): Redis {
  return new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1_000,
    commandTimeout: 1_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}
