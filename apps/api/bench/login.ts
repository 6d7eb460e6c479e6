/**
 * The login scenario's users and requests: BENCH_LOGIN_USERS active accounts in the bench database,
 * all with one password hashed with the configured argon2 settings, logged into in turn.
 */
import { createPool, createDb } from '../src/db/connection';
import { loadConfig } from '../src/config';
import { createPasswordHasher } from '../src/lib/passwords';
import { createUserRepository } from '../src/modules/users/repository';
import { fromClient } from './clients';
import type { Load } from './scenarios';

export const BENCH_LOGIN_USERS = 100;
export const BENCH_PASSWORD = 'bench login passphrase';
export const emailOf = (i: number) => `bench-login-${i}@folio.bench`;
/** Every bench user's email, as a LIKE pattern. */
export const EMAIL_PATTERN = 'bench-login-%@folio.bench';

/** The argon2 settings the server under test uses (it reads the same environment). */
export function argon2Settings() {
  const { ARGON2_MEMORY_KIB, ARGON2_TIME_COST } = loadConfig({
    ARGON2_MEMORY_KIB: process.env.ARGON2_MEMORY_KIB,
    ARGON2_TIME_COST: process.env.ARGON2_TIME_COST,
  });
  return { memoryKiB: ARGON2_MEMORY_KIB, timeCost: ARGON2_TIME_COST, parallelism: 1 };
}

/** Makes the bench users, or gives them the password again (hashed with today's settings). */
export async function ensureLoginUsers(databaseUrl: string): Promise<void> {
  const pool = createPool({ url: databaseUrl, size: 2 });
  try {
    const users = createUserRepository(createDb(pool));
    const passwordHash = await createPasswordHasher(argon2Settings()).hash(BENCH_PASSWORD);
    for (let i = 0; i < BENCH_LOGIN_USERS; i++) {
      const found = await users.findByIdentity('email', emailOf(i));
      if (found) {
        await users.update(found.user.id, { passwordHash, status: 'active', lockedUntil: null });
      } else {
        await users.create(
          {
            nickname: `Bench ${i}`,
            passwordHash,
            status: 'active',
            locale: 'en',
            registrationIp: '127.0.0.1',
          },
          { kind: 'email', provider: 'email', subject: emailOf(i), verifiedAt: new Date() },
        );
      }
    }
  } finally {
    await pool.end();
  }
}

/**
 * Password logins, one bench user after another, each from another client address (see
 * clients.ts): many people logging in, as the per-IP login limit expects, not one client.
 */
export function loginLoad(): Load {
  let next = 0;
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const n = next++;
          return {
            ...request,
            path: '/api/v1/auth/login',
            method: 'POST',
            headers: { ...request.headers, ...fromClient(n) },
            body: JSON.stringify({
              account: emailOf(n % BENCH_LOGIN_USERS),
              password: BENCH_PASSWORD,
            }),
          };
        },
      },
    ],
  };
}
