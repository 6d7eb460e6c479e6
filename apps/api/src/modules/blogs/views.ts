import { createHmac, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { isbot } from 'isbot';
import { databaseName } from '../../db/connection';

/** A visitor's view of a blog counts once in this many seconds (a sliding hour from the first). */
export const VIEW_WINDOW_SECONDS = 3_600;
/** The hot list's window: today and the 6 UTC days before it. */
export const HOT_DAYS = 7;
/** How long the union of the window's days is kept before it is made again. */
export const HOT_UNION_TTL_SECONDS = 60;
/** A day's counts outlive the window by a day, then Redis drops them. */
const DAY_TTL_SECONDS = (HOT_DAYS + 1) * 86_400;
/** Blogs whose views one statement of the write-back adds. */
export const FLUSH_BATCH = 500;
/** The write-back job's period: a blog's view_count lags its views by this much at most. */
export const FLUSH_VIEWS = 'flush-blog-views';
export const FLUSH_VIEWS_EVERY_MS = 60_000;
/** Longer than a flush takes; a flush whose process died frees the lock after it. */
const FLUSH_LOCK_MS = 55_000;

// A first view in the window marks the visitor as seen and counts it for the day and the write-back.
const RECORD_SCRIPT = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('ZINCRBY', KEYS[2], 1, ARGV[2])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
  redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
  return 1
end
return 0
`;

// The window's union, made when missing (KEYS[1]; the days are KEYS[2..]), then its top ARGV[2]
// from rank ARGV[3], with their scores.
const HOT_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  local days = {}
  for i = 2, #KEYS do days[#days + 1] = KEYS[i] end
  redis.call('ZUNIONSTORE', KEYS[1], #days, unpack(days))
  redis.call('EXPIRE', KEYS[1], ARGV[1])
end
local from = tonumber(ARGV[3])
return redis.call('ZREVRANGE', KEYS[1], from, from + tonumber(ARGV[2]) - 1, 'WITHSCORES')
`;

// What the write-back takes: the pending counts, moved aside at once so views go on counting into
// a new hash. Counts a flush left behind (its process died) are taken first, before any new ones.
const TAKE_SCRIPT = `
if redis.call('EXISTS', KEYS[2]) == 0 and redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('RENAME', KEYS[1], KEYS[2])
end
return redis.call('HLEN', KEYS[2])
`;

interface ViewScripts {
  folioViewRecord(
    seen: string,
    day: string,
    pending: string,
    windowSeconds: number,
    blogId: number,
    dayTtl: number,
  ): Promise<number>;
  folioViewHot(keys: number, ...args: (string | number)[]): Promise<string[]>;
  folioViewTake(pending: string, flushing: string): Promise<number>;
}

/** Who is viewing: the account when logged in, else the browser (its address and user agent). */
export interface Viewer {
  userId?: number;
  ip: string;
  userAgent?: string;
}

/** A UTC day as its key names it. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

export interface BlogViewsDeps {
  redis: Redis;
  databaseUrl: string;
  /** Keys the hash of an anonymous visitor, so Redis holds no address. */
  visitorKey: Buffer;
  now?: () => Date;
}

/**
 * Views of blogs, counted in Redis: once per visitor per blog in VIEW_WINDOW_SECONDS, bots (by
 * their user agent, the `isbot` list) not at all. Each counted view goes into its UTC day's sorted
 * set (the hot list's source) and into the pending hash that `flush` adds to blogs.view_count.
 * Keys carry the database's name, as the count cache's do.
 */
export function createBlogViews({
  redis,
  databaseUrl,
  visitorKey,
  now = () => new Date(),
}: BlogViewsDeps) {
  const prefix = `views:${databaseName(databaseUrl)}`;
  const keys = {
    seen: (blogId: number, visitor: string) => `${prefix}:seen:${blogId}:${visitor}`,
    day: (day: string) => `${prefix}:day:${day}`,
    week: (day: string) => `${prefix}:week:${day}`,
    pending: `${prefix}:pending`,
    flushing: `${prefix}:flushing`,
    flushLock: `${prefix}:flush-lock`,
  };
  if (!('folioViewRecord' in redis)) {
    redis.defineCommand('folioViewRecord', { numberOfKeys: 3, lua: RECORD_SCRIPT });
    redis.defineCommand('folioViewHot', { lua: HOT_SCRIPT });
    redis.defineCommand('folioViewTake', { numberOfKeys: 2, lua: TAKE_SCRIPT });
  }
  const scripts = redis as unknown as ViewScripts;

  /**
   * The visitor a view is counted for. Anonymous: an HMAC of address and user agent, which tells
   * apart the browsers behind one office address (mostly) without a cookie to ask consent for.
   */
  function visitorOf({ userId, ip, userAgent = '' }: Viewer): string {
    if (userId !== undefined) return `u${userId}`;
    const hash = createHmac('sha256', visitorKey).update(`${ip}\n${userAgent}`).digest('base64url');
    return `a${hash.slice(0, 22)}`;
  }

  /** The days of the window that ends at `at`, newest first. */
  function windowDays(at: Date): string[] {
    return Array.from({ length: HOT_DAYS }, (_, i) =>
      dayOf(new Date(at.getTime() - i * 86_400_000)),
    );
  }

  return {
    keys,
    visitorOf,

    /**
     * Counts a view of a (visible) blog; false when it is not counted: a bot, no user agent at all
     * (no browser sends none), or the visitor's second view within the window.
     */
    async record(blogId: number, viewer: Viewer): Promise<boolean> {
      if (!viewer.userAgent || isbot(viewer.userAgent)) return false;
      const counted = await scripts.folioViewRecord(
        keys.seen(blogId, visitorOf(viewer)),
        keys.day(dayOf(now())),
        keys.pending,
        VIEW_WINDOW_SECONDS,
        blogId,
        DAY_TTL_SECONDS,
      );
      return counted === 1;
    },

    /** `count` blogs from rank `from` of the window's views, most viewed first, with their views. */
    async top(count: number, from = 0): Promise<{ blogId: number; views: number }[]> {
      const today = dayOf(now());
      const dayKeys = windowDays(now()).map(keys.day);
      const flat = await scripts.folioViewHot(
        1 + dayKeys.length,
        keys.week(today),
        ...dayKeys,
        HOT_UNION_TTL_SECONDS,
        count,
        from,
      );
      const top: { blogId: number; views: number }[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        top.push({ blogId: Number(flat[i]), views: Number(flat[i + 1]) });
      }
      return top;
    },

    /**
     * Writes the pending counts back through `add` (to blogs.view_count) in batches of
     * FLUSH_BATCH, removing each batch once written; returns the views written. One flush at a
     * time across processes (a lock in Redis). A process that dies between a batch's write and
     * its removal has that batch written again by the next flush (at most FLUSH_BATCH blogs'
     * counts of one period counted twice); none is lost.
     */
    async flush(add: (views: [number, number][]) => Promise<void>): Promise<number> {
      const owner = randomBytes(9).toString('base64url');
      if ((await redis.set(keys.flushLock, owner, 'PX', FLUSH_LOCK_MS, 'NX')) !== 'OK') return 0;
      let written = 0;
      try {
        if ((await scripts.folioViewTake(keys.pending, keys.flushing)) === 0) return 0;
        let cursor = '0';
        do {
          const [next, flat] = await redis.hscan(keys.flushing, cursor, 'COUNT', FLUSH_BATCH);
          cursor = next;
          const batch: [number, number][] = [];
          for (let i = 0; i < flat.length; i += 2)
            batch.push([Number(flat[i]), Number(flat[i + 1])]);
          if (!batch.length) continue;
          await add(batch);
          await redis.hdel(keys.flushing, ...batch.map(([id]) => String(id)));
          written += batch.reduce((sum, [, n]) => sum + n, 0);
        } while (cursor !== '0');
        return written;
      } finally {
        if ((await redis.get(keys.flushLock)) === owner) await redis.del(keys.flushLock);
      }
    },
  };
}

export type BlogViews = ReturnType<typeof createBlogViews>;
