import type { Redis } from 'ioredis';
import { AppError } from './errors';

/**
 * Lets one action through per `seconds` for a key (a phone and purpose, an address); the next
 * within the wait is RATE_LIMITED with the seconds left as Retry-After.
 */
export async function cooldown(redis: Redis, key: string, seconds: number): Promise<void> {
  if ((await redis.set(key, '1', 'EX', seconds, 'NX')) === 'OK') return;
  const ttl = await redis.ttl(key);
  throw new AppError('RATE_LIMITED', { retryAfter: Math.max(1, ttl) });
}

/** Counts an action against a daily allowance; past `limit` it is RATE_LIMITED. */
export async function dailyCap(redis: Redis, key: string, limit: number): Promise<void> {
  const dated = `${key}:${new Date().toISOString().slice(0, 10)}`;
  const result = await redis.multi().incr(dated).expire(dated, 86_400).exec();
  if (Number(result?.[0]?.[1]) > limit) throw new AppError('RATE_LIMITED', { retryAfter: 3600 });
}
