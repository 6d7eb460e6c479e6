import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

const TTL_SECONDS = 600;

/**
 * Totals for list pages, kept in Redis so a page does not count the whole table on every request.
 * Each scope has a version; a write bumps it (`invalidate`), which orphans every cached total of
 * the scope at once, so a total is never older than the last write.
 */
export class CountCache {
  constructor(
    private readonly redis: Redis,
    private readonly log: { warn: (obj: object, msg: string) => void },
  ) {}

  async get(scope: string, filter: unknown, compute: () => Promise<number>): Promise<number> {
    let key: string | undefined;
    try {
      const version = (await this.redis.get(`cache:ver:${scope}`)) ?? '0';
      const digest = createHash('sha1').update(JSON.stringify(filter)).digest('base64url');
      key = `cache:count:${scope}:${version}:${digest}`;
      const cached = await this.redis.get(key);
      if (cached !== null) return Number(cached);
    } catch (err) {
      // A cache that is down only costs speed: count in the database.
      this.log.warn({ err }, 'count cache unavailable');
      return compute();
    }
    const total = await compute();
    await this.redis.set(key, String(total), 'EX', TTL_SECONDS).catch(() => undefined);
    return total;
  }

  static async invalidate(redis: Redis, ...scopes: string[]): Promise<void> {
    await Promise.all(scopes.map((scope) => redis.incr(`cache:ver:${scope}`)));
  }
}
