import { readFileSync } from 'node:fs';
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
 * a hash is computed.
 */
export function createPasswordHasher({ memoryKiB, timeCost }: PasswordOptions) {
  const params = { type: argon2.argon2id, memoryCost: memoryKiB, timeCost, parallelism: 1 };
  // Verified against when the account is unknown, so an unknown account costs the same time.
  const dummy = argon2.hash('folio-dummy-password', params);

  return {
    hash: (password: string) => argon2.hash(password, params),

    /** Checks a password; `hash` null or undefined still spends the time of a real check. */
    async verify(hash: string | null | undefined, password: string): Promise<boolean> {
      if (!hash) {
        await argon2.verify(await dummy, password);
        return false;
      }
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },

    needsRehash: (hash: string) => argon2.needsRehash(hash, params),
  };
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>;
