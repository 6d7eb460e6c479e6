import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import sharp from 'sharp';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app';
import { uploads, userIdentities, users } from '../src/db/schema';
import {
  MAINTENANCE_QUEUE,
  PURGE_EVERY_MS,
  PURGE_PENDING_ACCOUNTS,
  PURGE_UPLOADS,
  PURGE_UPLOADS_EVERY_MS,
  SWEEP_AVATARS,
  SWEEP_AVATARS_EVERY_MS,
} from '../src/modules/maintenance/jobs';
import {
  databaseOwner,
  STRAY_AVATAR_MIN_AGE_MS,
  sweepStrayAvatars,
} from '../src/modules/maintenance/sweep-avatars';
import { purgeBatch, purgeStalePendingAccounts } from '../src/modules/maintenance/purge';
import { bullConnection } from '../src/modules/messaging/queue';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env';
import { buildTestApp, makeUser, sessionFor, waitFor } from './helpers';

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
    await queue.removeJobScheduler(SWEEP_AVATARS);
    await queue.removeJobScheduler(PURGE_UPLOADS);
  });
  afterAll(async () => {
    await app?.close();
    await queue.close();
  });

  it('is not registered by an API that runs no worker', async () => {
    const { app: noWorker } = await buildTestApp({ RUN_WORKER: 'false' });
    await noWorker.close();
    expect(await queue.getJobScheduler(PURGE_PENDING_ACCOUNTS)).toBeUndefined();
    expect(await queue.getJobScheduler(SWEEP_AVATARS)).toBeUndefined();
    expect(await queue.getJobScheduler(PURGE_UPLOADS)).toBeUndefined();
  });

  it('is registered every hour by the worker', async () => {
    ({ app } = await buildTestApp());
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.find((s) => s.key === PURGE_PENDING_ACCOUNTS)).toMatchObject({
      name: PURGE_PENDING_ACCOUNTS,
      every: PURGE_EVERY_MS,
    });
    expect(PURGE_EVERY_MS).toBe(3_600_000);
    expect(schedulers.find((s) => s.key === SWEEP_AVATARS)).toMatchObject({
      name: SWEEP_AVATARS,
      every: SWEEP_AVATARS_EVERY_MS,
    });
    expect(schedulers.find((s) => s.key === PURGE_UPLOADS)).toMatchObject({
      name: PURGE_UPLOADS,
      every: PURGE_UPLOADS_EVERY_MS,
    });
    expect(PURGE_UPLOADS_EVERY_MS).toBe(3_600_000);
  });

  it('purges unreferenced uploads through the worker', async () => {
    const user = await makeUser(app!);
    const { headers } = await sessionFor(app!, user.id);
    const png = await sharp({
      create: { width: 500, height: 300, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer();
    const boundary = 'maintenanceBoundary1';
    const res = await app!.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n` +
            'Content-Type: image/png\r\n\r\n',
        ),
        png,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(res.statusCode).toBe(201);
    const { id, url } = res.json().data as { id: number; url: string };
    await app!.db
      .update(uploads)
      .set({ createdAt: new Date(Date.now() - 2 * DAY) })
      .where(eq(uploads.id, id));
    const job = await queue.add(PURGE_UPLOADS, {});
    await waitFor(async () => (await job.getState()) === 'completed', 'the purge to complete');
    expect((await queue.getJob(job.id!))?.returnvalue).toMatchObject({
      purged: expect.any(Number),
    });
    expect(await app!.db.select().from(uploads).where(eq(uploads.id, id))).toEqual([]);
    expect((await app!.inject({ method: 'GET', url })).statusCode).toBe(404);
  });

  it('runs through the worker', async () => {
    const stale = await userMadeDaysAgo(app!, 9, { status: 'pending' });
    const job = await queue.add(PURGE_PENDING_ACCOUNTS, {});
    await waitFor(async () => (await existing(app!, [stale.id])).length === 0, 'the purge');
    await waitFor(async () => (await job.getState()) === 'completed', 'the job to complete');
    const done = await queue.getJob(job.id!);
    expect(done?.returnvalue).toMatchObject({ purged: expect.any(Number) });
  });

  it('sweeps stray avatars through the worker', async () => {
    const folder = join(app!.config.UPLOADS_DIR, 'avatars');
    await mkdir(folder, { recursive: true });
    const stray = join(folder, '999997-StrayOfNoAccoun3.webp');
    await writeFile(stray, 'RIFF');
    const when = new Date(Date.now() - STRAY_AVATAR_MIN_AGE_MS - 60_000);
    await utimes(stray, when, when);
    const job = await queue.add(SWEEP_AVATARS, {});
    await waitFor(async () => (await job.getState()) === 'completed', 'the sweep to complete');
    expect((await queue.getJob(job.id!))?.returnvalue).toMatchObject({
      removed: expect.any(Number),
    });
    expect(await readdir(folder)).not.toContain('999997-StrayOfNoAccoun3.webp');
  });
});

describe('sweeping stray avatar files', () => {
  let app: App;
  let uploads: string;
  const dir = () => join(uploads, 'avatars');
  const owner = databaseOwner(TEST_DATABASE_URL);
  beforeAll(async () => {
    uploads = await mkdtemp(join(tmpdir(), 'folio-sweep-'));
    ({ app } = await buildTestApp({ RUN_WORKER: 'false', UPLOADS_DIR: uploads }));
  });
  afterAll(async () => {
    await app?.close();
    await rm(uploads, { recursive: true, force: true });
  });

  /** A file as the uploads write them, last changed `ageMs` ago. */
  async function plant(name: string, ageMs: number) {
    await mkdir(dir(), { recursive: true });
    await writeFile(join(dir(), name), 'RIFF');
    const when = new Date(Date.now() - ageMs);
    await utimes(join(dir(), name), when, when);
  }

  it('removes old files no user points at, and keeps referenced, new and foreign ones', async () => {
    const user = await makeUser(app);
    const referenced = `${user.id}-ReferencedAvata1.webp`;
    await app.db.update(users).set({ avatar: referenced }).where(eq(users.id, user.id));
    const old = STRAY_AVATAR_MIN_AGE_MS + 60_000;
    await plant(referenced, old);
    await plant(`${user.id}-StrayLeftBehind1.webp`, old);
    await plant('999999-StrayOfNoAccoun1.webp', old);
    // Written by an upload that has not recorded it yet.
    await plant(`${user.id}-JustWrittenFile1.webp`, 1_000);
    // Not a name Folio writes: never touched.
    await plant('README.txt', old);

    expect(await sweepStrayAvatars(app.db, app.storage, owner)).toBe(2);
    expect((await readdir(dir())).sort()).toEqual(
      ['.folio-database', 'README.txt', `${user.id}-JustWrittenFile1.webp`, referenced].sort(),
    );
    expect(await sweepStrayAvatars(app.db, app.storage, owner)).toBe(0);
  });

  it('refuses a folder another database has claimed', async () => {
    await plant('999998-StrayOfNoAccoun2.webp', STRAY_AVATAR_MIN_AGE_MS + 60_000);
    await expect(
      sweepStrayAvatars(app.db, app.storage, databaseOwner('mysql://root@db.example:3306/other')),
    ).rejects.toThrow(/another database/);
    expect(await readdir(dir())).toContain('999998-StrayOfNoAccoun2.webp');
  });
});
