import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { databaseName } from '../db/connection';

const TTL_SECONDS = 600;

// One round trip: the scope's version, and the value cached under it.
const READ_SCRIPT = `
local version = redis.call('GET', KEYS[1]) or '0'
return {version, redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2])}
`;

/** The script above, as ioredis' `defineCommand` adds it to the connection. */
interface CountReader {
  folioCountRead(
    versionKey: string,
    prefix: string,
    digest: string,
  ): Promise<[string, string | null]>;
}

type Log = { warn: (obj: object, msg: string) => void };

/**
 * Totals for list pages (and other derived numbers), kept in Redis so a page does not count the
 * whole table on every request. Each scope has a version; a write bumps it (`invalidate`), which
 * orphans every value cached in the scope at once, so none is older than the last write. Keys
 * carry the database's name, so two databases sharing one Redis never see each other's totals.
 */
export class CountCache {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    databaseUrl: string,
    private readonly log: Log = { warn: () => undefined },
  ) {
    this.prefix = `cache:${databaseName(databaseUrl)}`;
    if (!('folioCountRead' in redis)) {
      redis.defineCommand('folioCountRead', { numberOfKeys: 1, lua: READ_SCRIPT });
    }
  }

  async get(scope: string, filter: unknown, compute: () => Promise<number>): Promise<number> {
    const digest = createHash('sha1').update(JSON.stringify(filter)).digest('base64url');
    const countPrefix = `${this.prefix}:count:${scope}:`;
    let key: string;
    try {
      const [version, cached] = await (this.redis as unknown as CountReader).folioCountRead(
        `${this.prefix}:ver:${scope}`,
        countPrefix,
        digest,
      );
      if (cached !== null) return Number(cached);
      key = `${countPrefix}${version}:${digest}`;
    } catch (err) {
      // A cache that is down only costs speed: count in the database.
      this.log.warn({ err }, 'count cache unavailable');
      return compute();
    }
    const total = await compute();
    await this.redis.set(key, String(total), 'EX', TTL_SECONDS).catch(() => undefined);
    return total;
  }

  /** Drops every value cached in these scopes; call it after any write that changes them. */
  async invalidate(...scopes: string[]): Promise<void> {
    await Promise.all(scopes.map((scope) => this.redis.incr(`${this.prefix}:ver:${scope}`)));
  }
}
