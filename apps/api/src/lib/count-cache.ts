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
/** Texts at least this long are also kept in the process (see `kept`); shorter ones are cheap to fetch. */
const KEEP_MIN_CHARS = 2_048;
/** The most characters of texts the process keeps; the least recently used go first. */
const KEEP_MOST_CHARS = 8_000_000;

// One round trip: the scope's version, and the value cached under it with its remaining life in
// ms; or, when the caller already holds the value made under the current version (ARGV[3]), 1.
const READ_SCRIPT = `
local version = redis.call('GET', KEYS[1]) or '0'
if ARGV[3] == version then return {version, 1} end
local key = ARGV[1] .. version .. ':' .. ARGV[2]
return {version, redis.call('GET', key), redis.call('PTTL', key)}
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
    heldVersion: string,
  ): Promise<[string, 1] | [string, string | null, number]>;
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
 *
 * A long text (a rendered answer) is also kept in the process, with the version it was made under
 * and no longer than Redis keeps it: while the scope's version has not moved, a read asks Redis for
 * the version only, not the text again.
 */
export class CountCache {
  private readonly prefix: string;
  private readonly scripts: CountScripts;
  /** Counts under way in this process, by key: its requests share one claim and one wait. */
  private readonly flights = new Map<string, Promise<string>>();
  /** Long texts by scope and digest, least recently used first (see KEEP_MOST_CHARS). */
  private readonly kept = new Map<string, { version: string; value: string; until: number }>();
  private keptChars = 0;

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

  async get(
    scope: string,
    filter: unknown,
    compute: () => Promise<number>,
    ttlSeconds = TTL_SECONDS,
  ): Promise<number> {
    return Number(await this.value(scope, filter, async () => String(await compute()), ttlSeconds));
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
    return this.value(scope, key, compute, ttlSeconds, true);
  }

  private async value(
    scope: string,
    filter: unknown,
    compute: () => Promise<string>,
    ttlSeconds: number,
    keep = false,
  ): Promise<string> {
    const digest = createHash('sha1').update(JSON.stringify(filter)).digest('base64url');
    const countPrefix = `${this.prefix}:count:${scope}:`;
    const keptKey = `${scope}:${digest}`;
    let held = keep ? this.kept.get(keptKey) : undefined;
    if (held && held.until <= Date.now()) {
      this.forget(keptKey);
      held = undefined;
    }
    let key: string;
    let scopeVersion: string;
    try {
      const read = await this.scripts.folioCountRead(
        `${this.prefix}:ver:${scope}`,
        countPrefix,
        digest,
        held?.version ?? '',
      );
      const [version, cached] = read;
      if (cached === 1) {
        // Still the value made under this version: most recently used now.
        this.kept.delete(keptKey);
        this.kept.set(keptKey, held!);
        return held!.value;
      }
      if (cached !== null) {
        if (keep) this.keep(keptKey, version, cached, Date.now() + read[2]);
        return cached;
      }
      key = `${countPrefix}${version}:${digest}`;
      scopeVersion = version;
    } catch (err) {
      // A cache that is down only costs speed: count in the database.
      this.log.warn({ err }, 'count cache unavailable');
      return compute();
    }
    const startedAt = Date.now();
    const value = await (this.flights.get(key) ?? this.fillFlight(key, compute, ttlSeconds));
    // Stored in Redis for ttlSeconds from about now (by this process, or by another a moment ago).
    if (keep) this.keep(keptKey, scopeVersion, value, startedAt + ttlSeconds * 1000);
    return value;
  }

  /** `fill`, shared by this process's requests for the same key while it runs. */
  private fillFlight(key: string, compute: () => Promise<string>, ttlSeconds: number) {
    const flight = this.fill(key, compute, ttlSeconds).finally(() => this.flights.delete(key));
    this.flights.set(key, flight);
    return flight;
  }

  private keep(keptKey: string, version: string, value: string, until: number): void {
    if (value.length < KEEP_MIN_CHARS || until <= Date.now()) return;
    this.forget(keptKey);
    this.kept.set(keptKey, { version, value, until });
    this.keptChars += value.length;
    for (const [oldest, entry] of this.kept) {
      if (this.keptChars <= KEEP_MOST_CHARS) break;
      this.kept.delete(oldest);
      this.keptChars -= entry.value.length;
    }
  }

  private forget(keptKey: string): void {
    const entry = this.kept.get(keptKey);
    if (!entry) return;
    this.kept.delete(keptKey);
    this.keptChars -= entry.value.length;
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
