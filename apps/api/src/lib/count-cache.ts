import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { databaseName } from '../db/connection';

const TTL_SECONDS = 600;
/** How long one process may hold the right to count a key before another may take it over. */
const CLAIM_MS = 5_000;
/** The first wait for another process's count, doubled each time up to the most. */
const FIRST_WAIT_MS = 5;
const MOST_WAIT_MS = 50;

// One round trip: the scope's version, and the value cached under it.
const READ_SCRIPT = `
local version = redis.call('GET', KEYS[1]) or '0'
return {version, redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2])}
`;

// The value if another process has stored it meanwhile, else the right to count it (a claim
// with an owner token and an expiry), else nothing: someone else is counting.
const CLAIM_SCRIPT = `
local value = redis.call('GET', KEYS[1])
if value then return {1, value} end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {2} end
return {0}
`;

// Stores the value and gives up the claim, if it is still this owner's.
const STORE_SCRIPT = `
if ARGV[3] ~= '' then redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[2]) end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1
`;

/** The scripts above, as ioredis' `defineCommand` adds them to the connection. */
interface CountScripts {
  folioCountRead(
    versionKey: string,
    prefix: string,
    digest: string,
  ): Promise<[string, string | null]>;
  folioCountClaim(
    key: string,
    claimKey: string,
    owner: string,
    claimMs: number,
  ): Promise<[1, string] | [2] | [0]>;
  folioCountStore(
    key: string,
    claimKey: string,
    owner: string,
    ttlSeconds: number,
    value: string,
  ): Promise<number>;
}

type Log = { warn: (obj: object, msg: string) => void };

/**
 * Totals for list pages (and other derived numbers), kept in Redis so a page does not count the
 * whole table on every request. Each scope has a version; a write bumps it (`invalidate`), which
 * orphans every value cached in the scope at once, so none is older than the last write. Keys
 * carry the database's name, so two databases sharing one Redis never see each other's totals.
 *
 * A value that is missing is counted once, however many requests want it at the same moment and
 * in however many API processes: the first claims it in Redis and counts; the rest wait for the
 * value it stores. A claim whose owner died expires, and the next waiter counts instead.
 */
export class CountCache {
  private readonly prefix: string;
  private readonly scripts: CountScripts;
  /** Counts under way in this process, by key: its requests share one claim and one wait. */
  private readonly flights = new Map<string, Promise<string>>();

  constructor(
    private readonly redis: Redis,
    databaseUrl: string,
    private readonly log: Log = { warn: () => undefined },
    private readonly claimMs = CLAIM_MS,
  ) {
    this.prefix = `cache:${databaseName(databaseUrl)}`;
    if (!('folioCountRead' in redis)) {
      redis.defineCommand('folioCountRead', { numberOfKeys: 1, lua: READ_SCRIPT });
      redis.defineCommand('folioCountClaim', { numberOfKeys: 2, lua: CLAIM_SCRIPT });
      redis.defineCommand('folioCountStore', { numberOfKeys: 2, lua: STORE_SCRIPT });
    }
    this.scripts = redis as unknown as CountScripts;
  }

  async get(scope: string, filter: unknown, compute: () => Promise<number>): Promise<number> {
    return Number(
      await this.value(scope, filter, async () => String(await compute()), TTL_SECONDS),
    );
  }

  /**
   * A text (e.g. a rendered answer) kept like a total: dropped with its scope, made once however
   * many ask at the same moment. Kept `ttlSeconds` at most, so rarely read ones do not pile up.
   */
  text(
    scope: string,
    key: unknown,
    compute: () => Promise<string>,
    ttlSeconds: number,
  ): Promise<string> {
    return this.value(scope, key, compute, ttlSeconds);
  }

  private async value(
    scope: string,
    filter: unknown,
    compute: () => Promise<string>,
    ttlSeconds: number,
  ): Promise<string> {
    const digest = createHash('sha1').update(JSON.stringify(filter)).digest('base64url');
    const countPrefix = `${this.prefix}:count:${scope}:`;
    let key: string;
    try {
      const [version, cached] = await this.scripts.folioCountRead(
        `${this.prefix}:ver:${scope}`,
        countPrefix,
        digest,
      );
      if (cached !== null) return cached;
      key = `${countPrefix}${version}:${digest}`;
    } catch (err) {
      // A cache that is down only costs speed: count in the database.
      this.log.warn({ err }, 'count cache unavailable');
      return compute();
    }
    let flight = this.flights.get(key);
    if (!flight) {
      flight = this.fill(key, compute, ttlSeconds).finally(() => this.flights.delete(key));
      this.flights.set(key, flight);
    }
    return flight;
  }

  /** The value of `key`: counted here if this process wins the claim, else waited for. */
  private async fill(
    key: string,
    compute: () => Promise<string>,
    ttlSeconds: number,
  ): Promise<string> {
    const claimKey = `${key}:claim`;
    const owner = randomBytes(9).toString('base64url');
    let wait = FIRST_WAIT_MS;
    for (;;) {
      let claim: Awaited<ReturnType<CountScripts['folioCountClaim']>>;
      try {
        claim = await this.scripts.folioCountClaim(key, claimKey, owner, this.claimMs);
      } catch (err) {
        this.log.warn({ err }, 'count cache unavailable');
        return compute();
      }
      if (claim[0] === 1) return claim[1];
      if (claim[0] === 2) break;
      await sleep(wait);
      wait = Math.min(wait * 2, MOST_WAIT_MS);
    }
    let total: string | undefined;
    try {
      total = await compute();
      return total;
    } finally {
      // A failed count stores nothing and frees the claim, so a waiter counts instead.
      await this.scripts
        .folioCountStore(key, claimKey, owner, ttlSeconds, total ?? '')
        .catch(() => undefined);
    }
  }

  /** Drops every value cached in these scopes; call it after any write that changes them. */
  async invalidate(...scopes: string[]): Promise<void> {
    await Promise.all(scopes.map((scope) => this.redis.incr(`${this.prefix}:ver:${scope}`)));
  }
}
