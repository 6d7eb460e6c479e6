import { Queue } from 'bullmq';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { userIdentities, users } from '../src/db/schema';
import {
  MAINTENANCE_QUEUE,
  PURGE_EVERY_MS,
  PURGE_PENDING_ACCOUNTS,
} from '../src/modules/maintenance/jobs';
import { purgeBatch, purgeStalePendingAccounts } from '../src/modules/maintenance/purge';
import { bullConnection } from '../src/modules/notifications/queue';
import { TEST_REDIS_URL } from './env';
import { buildTestApp, makeUser, waitFor } from './helpers';

const DAY = 86_400_000;

/** A user whose account was made `days` ago. */
async function userMadeDaysAgo(
  app: App,
  days: number,
  fields: Parameters<typeof makeUser>[1] = {},
) {
  const user = await makeUser(app, fields);
  await app.db
    .update(users)
    .set({ createdAt: new Date(Date.now() - days * DAY) })
    .where(eq(users.id, user.id));
  return user;
}

async function existing(app: App, ids: number[]) {
  const rows = await app.db.select({ id: users.id }).from(users).where(inArray(users.id, ids));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

describe('purging stale pending accounts', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await buildTestApp({ RUN_WORKER: 'false' }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('deletes pending accounts older than 7 days with their identities, and nothing else', async () => {
    const stale = await userMadeDaysAgo(app, 8, { status: 'pending' });
    const stale2 = await userMadeDaysAgo(app, 30, { status: 'pending' });
    const young = await userMadeDaysAgo(app, 6, { status: 'pending' });
    const oldActive = await userMadeDaysAgo(app, 30, { status: 'active' });
    const oldLocked = await userMadeDaysAgo(app, 30, { status: 'locked' });
    const softDeleted = await userMadeDaysAgo(app, 30, { status: 'pending' });
    await app.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, softDeleted.id));
    const all = [stale, stale2, young, oldActive, oldLocked, softDeleted].map((u) => u.id);

    expect(await purgeStalePendingAccounts(app.db)).toBeGreaterThanOrEqual(2);

    expect(await existing(app, all)).toEqual(
      [young, oldActive, oldLocked, softDeleted].map((u) => u.id).sort((a, b) => a - b),
    );
    const identities = await app.db
      .select()
      .from(userIdentities)
      .where(inArray(userIdentities.userId, [stale.id, stale2.id]));
    expect(identities).toEqual([]);
    // The email is free again for a new sign-up.
    expect(await app.users.findByIdentity('email', stale.email!)).toBeUndefined();
    expect(await purgeStalePendingAccounts(app.db)).toBe(0);
  });

  it('counts 7 days from the time it runs', async () => {
    const user = await userMadeDaysAgo(app, 6, { status: 'pending' });
    await purgeStalePendingAccounts(app.db);
    expect(await existing(app, [user.id])).toEqual([user.id]);
    await purgeStalePendingAccounts(app.db, { now: new Date(Date.now() + 2 * DAY) });
    expect(await existing(app, [user.id])).toEqual([]);
  });

  it('finds them through users_status_created_idx', async () => {
    // Enough accounts that the plan is the one a real table gets, not a scan of a handful of rows.
    const filler = `plan-filler-${Date.now()}`;
    await app.db
      .insert(users)
      .values(Array.from({ length: 300 }, () => ({ nickname: filler, status: 'active' as const })));
    try {
      await app.pool.query('ANALYZE TABLE users');
      const { sql, params } = purgeBatch(app.db, new Date(Date.now() - 7 * DAY)).toSQL();
      const [rows] = await app.pool.query(`EXPLAIN ${sql}`, params);
      const plan = rows as { table: string; key: string | null }[];
      expect(plan.find((row) => row.table === 'users')?.key).toBe('users_status_created_idx');
    } finally {
      await app.db.delete(users).where(eq(users.nickname, filler));
    }
  });
});

describe('the purge schedule', () => {
  let queue: Queue;
  let app: App | undefined;
  beforeAll(async () => {
    queue = new Queue(MAINTENANCE_QUEUE, { connection: bullConnection(TEST_REDIS_URL) });
    await queue.removeJobScheduler(PURGE_PENDING_ACCOUNTS);
  });
  afterAll(async () => {
    await app?.close();
    await queue.close();
  });

  it('is not registered by an API that runs no worker', async () => {
    const { app: noWorker } = await buildTestApp({ RUN_WORKER: 'false' });
    await noWorker.close();
    expect(await queue.getJobScheduler(PURGE_PENDING_ACCOUNTS)).toBeUndefined();
  });

  it('is registered every hour by the worker', async () => {
    ({ app } = await buildTestApp());
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.find((s) => s.key === PURGE_PENDING_ACCOUNTS)).toMatchObject({
      name: PURGE_PENDING_ACCOUNTS,
      every: PURGE_EVERY_MS,
    });
    expect(PURGE_EVERY_MS).toBe(3_600_000);
  });

  it('runs through the worker', async () => {
    const stale = await userMadeDaysAgo(app!, 9, { status: 'pending' });
    const job = await queue.add(PURGE_PENDING_ACCOUNTS, {});
    await waitFor(async () => (await existing(app!, [stale.id])).length === 0, 'the purge');
    await waitFor(async () => (await job.getState()) === 'completed', 'the job to complete');
    const done = await queue.getJob(job.id!);
    expect(done?.returnvalue).toMatchObject({ purged: expect.any(Number) });
  });
});
