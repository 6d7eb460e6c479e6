/**
 * The registration-cost scenario: `POST /auth/register/email` for new addresses and for taken ones
 * (the login scenario's bench users), one request at a time, alternating which kind goes first, each
 * from its own client address with a solved captcha. Only the registration request is timed. The
 * two medians must be within REGISTRATION_MEDIANS_WITHIN_MS, or the answer's time would tell
 * whether an address has an account.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { inArray, like } from 'drizzle-orm';
import { createDb, createPool } from '../src/db/connection';
import { userIdentities, users } from '../src/db/schema';
import { createRedis } from '../src/lib/redis';
import { bullConnection, MESSAGING_QUEUE } from '../src/modules/messaging/queue';
import { fromClient } from './clients';
import { BENCH_LOGIN_USERS, emailOf, ensureLoginUsers } from './login';
import type { ScenarioContext } from './scenarios';

export const REGISTRATION_SAMPLES = 50;
export const REGISTRATION_MEDIANS_WITHIN_MS = 10;
const NEW_PREFIX = 'bench-new-';

export interface RegistrationCost {
  samples: number;
  newMedianMs: number;
  takenMedianMs: number;
  differenceMs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const round = (ms: number) => Math.round(ms * 100) / 100;

export async function measureRegistration(
  ctx: ScenarioContext & { baseUrl: string },
): Promise<RegistrationCost> {
  // One taken address per sample, and one more to warm up with.
  if (REGISTRATION_SAMPLES >= BENCH_LOGIN_USERS) throw new Error('not enough taken addresses');
  await ensureLoginUsers(ctx.databaseUrl);
  const redis = createRedis(ctx.redisUrl);
  await redis.connect();
  // A run a minute after another would find the taken addresses' mail cooldown still running.
  const cooldowns = Array.from(
    { length: BENCH_LOGIN_USERS },
    (_, i) => `rl:register:${emailOf(i)}`,
  );
  await redis.del(...cooldowns);
  const run = randomBytes(4).toString('hex');
  let client = 0;

  /** One registration from a client of its own; the time to its answer, in ms. */
  async function register(email: string): Promise<number> {
    const from = fromClient(client++);
    const captcha = await fetch(new URL('/api/v1/captcha', ctx.baseUrl), { headers: from });
    const { id } = ((await captcha.json()) as { data: { id: string } }).data;
    const body = JSON.stringify({
      email,
      nickname: 'Bench',
      password: 'bench registration passphrase',
      captchaId: id,
      captchaText: await redis.get(`captcha:${id}`),
    });
    const started = performance.now();
    const res = await fetch(new URL('/api/v1/auth/register/email', ctx.baseUrl), {
      method: 'POST',
      headers: { ...from, 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
    const ms = performance.now() - started;
    if (res.status !== 202) throw new Error(`registration answered ${res.status}`);
    return ms;
  }

  const fresh: number[] = [];
  const taken: number[] = [];
  try {
    // Warm both paths up (JIT, pool, prepared statements) before the counted samples.
    await register(`${NEW_PREFIX}${run}-warm@folio.bench`);
    await register(emailOf(BENCH_LOGIN_USERS - 1));
    for (let i = 0; i < REGISTRATION_SAMPLES; i++) {
      const newOne = () =>
        register(`${NEW_PREFIX}${run}-${i}@folio.bench`).then((ms) => fresh.push(ms));
      const takenOne = () => register(emailOf(i)).then((ms) => taken.push(ms));
      // Which kind goes first alternates, so neither always follows the other's leftover work.
      if (i % 2) {
        await newOne();
        await takenOne();
      } else {
        await takenOne();
        await newOne();
      }
    }
  } finally {
    await cleanUp(ctx, redis);
  }
  const newMedianMs = median(fresh);
  const takenMedianMs = median(taken);
  return {
    samples: REGISTRATION_SAMPLES,
    newMedianMs: round(newMedianMs),
    takenMedianMs: round(takenMedianMs),
    differenceMs: round(Math.abs(newMedianMs - takenMedianMs)),
  };
}

/**
 * Removes what the scenario made: the new accounts (made just after their answers, so after a
 * moment) and the queued mails, which no worker delivers in the bench.
 */
async function cleanUp(ctx: ScenarioContext, redis: ReturnType<typeof createRedis>) {
  await sleep(1_000);
  const pool = createPool({ url: ctx.databaseUrl, size: 1 });
  try {
    const db = createDb(pool);
    const made = await db
      .select({ id: userIdentities.userId })
      .from(userIdentities)
      .where(like(userIdentities.subject, `${NEW_PREFIX}%`));
    const ids = made.map((r) => r.id);
    if (ids.length) {
      await db.delete(userIdentities).where(inArray(userIdentities.userId, ids));
      await db.delete(users).where(inArray(users.id, ids));
    }
  } finally {
    await pool.end();
  }
  const queue = new Queue(MESSAGING_QUEUE, { connection: bullConnection(ctx.redisUrl) });
  await queue.drain();
  await queue.close();
  redis.disconnect();
}
