import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPasswordHasher } from '../src/lib/passwords';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('password hashing under load', () => {
  it('keeps a core free: no more than all cores but one hash at once, and every call finishes', async () => {
    const hasher = createPasswordHasher({ memoryKiB: 19_456, timeCost: 2 });
    const stored = await hasher.hash('correct horse battery');
    let running = 0;
    let most = 0;
    const track =
      <A extends unknown[], R>(real: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        running += 1;
        most = Math.max(most, running);
        try {
          return await real(...args);
        } finally {
          running -= 1;
        }
      };
    const realVerify = argon2.verify.bind(argon2);
    const realHash = argon2.hash.bind(argon2);
    vi.spyOn(argon2, 'verify').mockImplementation(track(realVerify));
    vi.spyOn(argon2, 'hash').mockImplementation(track(realHash) as never);

    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => hasher.verify(stored, 'correct horse battery')),
      ...Array.from({ length: 3 }, () => hasher.verify(null, 'anything at all')),
      ...Array.from({ length: 3 }, () => hasher.hash('another password').then(Boolean)),
    ]);
    expect(results).toEqual([...Array(6).fill(true), ...Array(3).fill(false), true, true, true]);
    expect(most).toBe(Math.max(1, availableParallelism() - 1));
    expect(running).toBe(0);
  });
});
