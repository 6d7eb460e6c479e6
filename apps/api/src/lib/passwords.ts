import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import { dataFile } from './data-files';

export interface PasswordOptions {
  memoryKiB: number;
  timeCost: number;
  /** How many hashes may run at once (see hashingSlots). */
  slots?: number;
}

/** Threads of libuv's pool kept free of argon2 for file, DNS and zlib work. */
export const POOL_THREADS_KEPT_FREE = 2;

/**
 * The size libuv's thread pool should have on a machine: argon2 may use all cores but one, and
 * the pool keeps POOL_THREADS_KEPT_FREE threads beside them (never fewer than libuv's own 4).
 */
export function threadPoolSizeFor(cores: number): number {
  return Math.max(4, Math.max(1, cores - 1) + POOL_THREADS_KEPT_FREE);
}

/**
 * How many argon2 hashes may run at once: all cores but one, and never so many that the thread
 * pool (UV_THREADPOOL_SIZE) has fewer than POOL_THREADS_KEPT_FREE threads left for other work.
 */
export function hashingSlots(cores: number, poolSize: number): number {
  return Math.max(1, Math.min(cores - 1, poolSize - POOL_THREADS_KEPT_FREE));
}

/** The pool size this process runs with (libuv reads UV_THREADPOOL_SIZE once, at its first use). */
export function currentThreadPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const size = Number(env.UV_THREADPOOL_SIZE);
  return Number.isInteger(size) && size > 0 ? Math.min(size, 1024) : 4;
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
 * a hash is computed; at most `slots` at once, so a burst of logins leaves the event loop a core
 * and the pool threads for files and DNS.
 */
export function createPasswordHasher({ memoryKiB, timeCost, slots }: PasswordOptions) {
  const params = { type: argon2.argon2id, memoryCost: memoryKiB, timeCost, parallelism: 1 };
  const limited = limiter(slots ?? hashingSlots(availableParallelism(), currentThreadPoolSize()));
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
