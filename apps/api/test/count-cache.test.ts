import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { CountCache } from '../src/lib/count-cache';
import { createRedis } from '../src/lib/redis';
import { TEST_REDIS_URL } from './env';

let redis: Redis;
beforeAll(async () => {
  redis = createRedis(TEST_REDIS_URL);
  await redis.connect();
});
afterAll(() => redis.disconnect());

describe('CountCache', () => {
  it('computes once, then serves the cached value until the scope is invalidated', async () => {
    const counts = new CountCache(redis, `mysql://x@h/cc_${Date.now()}`);
    let computed = 0;
    const compute = async () => ++computed * 10;
    expect(await counts.get('things', { q: 'a' }, compute)).toBe(10);
    expect(await counts.get('things', { q: 'a' }, compute)).toBe(10);
    expect(await counts.get('things', { q: 'b' }, compute)).toBe(20);
    await counts.invalidate('things');
    expect(await counts.get('things', { q: 'a' }, compute)).toBe(30);
    await counts.invalidate('other');
    expect(await counts.get('things', { q: 'a' }, compute)).toBe(30);
  });

  it('keeps two databases on one Redis apart', async () => {
    const stamp = Date.now();
    const one = new CountCache(redis, `mysql://x@h/one_${stamp}`);
    const two = new CountCache(redis, `mysql://x@h/two_${stamp}`);
    expect(await one.get('blogs', {}, async () => 5)).toBe(5);
    expect(await two.get('blogs', {}, async () => 7)).toBe(7);
    expect(await one.get('blogs', {}, async () => 99)).toBe(5);
  });

  it('counts a missing value once, however many callers in however many processes want it', async () => {
    const url = `mysql://x@h/flight_${Date.now()}`;
    // Three API processes: each with its own Redis connection and cache.
    const connections = await Promise.all(
      [0, 1, 2].map(async () => {
        const connection = createRedis(TEST_REDIS_URL);
        await connection.connect();
        return connection;
      }),
    );
    try {
      const caches = connections.map((connection) => new CountCache(connection, url));
      let computed = 0;
      const slowCount = async () => {
        computed += 1;
        await sleep(150);
        return 42;
      };
      const totals = await Promise.all(
        Array.from({ length: 30 }, (_, i) => caches[i % 3]!.get('things', {}, slowCount)),
      );
      expect(totals).toEqual(Array(30).fill(42));
      expect(computed).toBe(1);

      // After a write, the same again: one recount, everyone gets its result.
      await caches[0]!.invalidate('things');
      const after = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          caches[i % 3]!.get('things', {}, async () => {
            computed += 1;
            await sleep(100);
            return 43;
          }),
        ),
      );
      expect(after).toEqual(Array(30).fill(43));
      expect(computed).toBe(2);
    } finally {
      for (const connection of connections) connection.disconnect();
    }
  });

  it('lets a waiter count when the counting process fails', async () => {
    const url = `mysql://x@h/fail_${Date.now()}`;
    const other = createRedis(TEST_REDIS_URL);
    await other.connect();
    try {
      const failing = new CountCache(redis, url);
      const waiting = new CountCache(other, url);
      const first = failing.get('things', {}, async () => {
        await sleep(50);
        throw new Error('the database went away');
      });
      await sleep(10);
      const second = waiting.get('things', {}, async () => 7);
      await expect(first).rejects.toThrow('the database went away');
      expect(await second).toBe(7);
    } finally {
      other.disconnect();
    }
  });

  it('takes over a claim whose process died, once the claim expires', async () => {
    const database = `dead_${Date.now()}`;
    const counts = new CountCache(redis, `mysql://x@h/${database}`, undefined, 200);
    // What a process that claimed the key and then died leaves behind (scope version 0).
    const digest = createHash('sha1').update(JSON.stringify({})).digest('base64url');
    await redis.set(`cache:${database}:count:things:0:${digest}:claim`, 'gone', 'PX', 200);
    const started = Date.now();
    expect(await counts.get('things', {}, async () => 9)).toBe(9);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('keeps a long text in the process while its scope stands, asking Redis only for the version', async () => {
    const database = `kept_${Date.now()}`;
    const counts = new CountCache(redis, `mysql://x@h/${database}`);
    const digest = (key: unknown) =>
      createHash('sha1').update(JSON.stringify(key)).digest('base64url');
    const stored = (key: unknown) => `cache:${database}:count:pages:0:${digest(key)}`;
    const long = 'a'.repeat(5_000);
    let made = 0;
    const make = (text: string) => async () => {
      made += 1;
      return text;
    };
    expect(await counts.text('pages', { p: 1 }, make(long), 60)).toBe(long);
    expect(await counts.text('pages', { p: 2 }, make('short'), 60)).toBe('short');
    // Changed behind the cache's back: only the short text is fetched from Redis again.
    await redis.set(stored({ p: 1 }), 'b'.repeat(5_000), 'KEEPTTL');
    await redis.set(stored({ p: 2 }), 'changed', 'KEEPTTL');
    expect(await counts.text('pages', { p: 1 }, make('never'), 60)).toBe(long);
    expect(await counts.text('pages', { p: 2 }, make('never'), 60)).toBe('changed');
    // Another process's copy, fetched from Redis, is kept too.
    const other = new CountCache(redis, `mysql://x@h/${database}`);
    expect(await other.text('pages', { p: 1 }, make('never'), 60)).toBe('b'.repeat(5_000));
    expect(made).toBe(2);
    // A write to the scope: both make the text again, once between them.
    await counts.invalidate('pages');
    const next = 'c'.repeat(5_000);
    const after = await Promise.all([
      counts.text('pages', { p: 1 }, make(next), 60),
      other.text('pages', { p: 1 }, make(next), 60),
    ]);
    expect(after).toEqual([next, next]);
    expect(made).toBe(3);
  });

  it('keeps a text in the process no longer than Redis keeps it', async () => {
    const database = `kept_ttl_${Date.now()}`;
    const counts = new CountCache(redis, `mysql://x@h/${database}`);
    const key = `cache:${database}:count:pages:0:${createHash('sha1').update('{}').digest('base64url')}`;
    expect(await counts.text('pages', {}, async () => 'a'.repeat(5_000), 1)).toBe(
      'a'.repeat(5_000),
    );
    await sleep(1_100);
    expect(await redis.exists(key)).toBe(0);
    expect(await counts.text('pages', {}, async () => 'made again', 1)).toBe('made again');
  });
});
