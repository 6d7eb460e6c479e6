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
});
