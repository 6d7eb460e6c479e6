import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { dataFile } from './data-files';

export interface PasswordOptions {
  memoryKiB: number;
  timeCost: number;
}

let common: Set<string> | undefined;

/** Whether a password is among the 10 000 most common ones (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    readFileSync(dataFile('common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return common.has(password.toLowerCase());
}

/**
 * argon2id hashing. The work runs on libuv's thread pool, so the event loop keeps serving while
 * a hash is computed, and on all cores but one at most, so a burst of logins leaves it a core.
 */
export function createPasswordHasher({ memoryKiB, timeCost }: PasswordOptions) {
  const params = { type: argon2.argon2id, memoryCost: memoryKiB, timeCost, parallelism: 1 };
  const limited = limiter(Math.max(1, availableParallelism() - 1));
  // Verified against when the account is unknown, so an unknown account costs the same time.
  const dummy = argon2.hash('folio-dummy-password', params);

  return {
    hash: (password: string) => limited(() => argon2.hash(password, params)),

    /** Checks a password; `hash` null or undefined still spends the time of a real check. */
    async verify(hash: string | null | undefined, password: string): Promise<boolean> {
      if (!hash) {
        const dummyHash = await dummy;
        await limited(() => argon2.verify(dummyHash, password));
        return false;
      }
      try {
        return await limited(() => argon2.verify(hash, password));
      } catch {
        return false;
      }
    },

    needsRehash: (hash: string) => argon2.needsRehash(hash, params),
  };
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>;

/**
 * Runs at most `slots` tasks at once, the rest in arrival order. argon2 is CPU-bound: with every
 * core hashing, the event loop and the database would wait for CPU behind a burst of logins.
 */
function limiter(slots: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
