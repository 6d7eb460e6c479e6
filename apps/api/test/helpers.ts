import { randomUUID } from 'node:crypto';
import type { Permission } from '@folio/schema';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { asc, eq, sql } from 'drizzle-orm';
import { buildApp, type App } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { databaseName } from '../src/db/connection';
import {
  authors,
  blogRevisions,
  blogs,
  blogTags,
  commentReports,
  comments,
  outboxMessages,
  tags,
  rolePermissions,
  roles,
  settings,
  userRoles,
} from '../src/db/schema';
import { reindexBlogs } from '../src/modules/blogs/search-docs';
import { blogListsChanged } from '../src/modules/blogs/service';
import { settingsChannel } from '../src/modules/settings/service';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
    // Never the repository's uploads folder: the avatar sweep deletes what the test database lacks.
    UPLOADS_DIR: join(tmpdir(), `folio-uploads-${databaseName(TEST_DATABASE_URL)}`),
    ...overrides,
  });
}

/** The real app against the test database; `logs` collects its JSON log lines when asked for. */
export async function buildTestApp(
  overrides: Record<string, string> = {},
  { captureLogs = false }: { captureLogs?: boolean } = {},
) {
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const config = testConfig(captureLogs ? { LOG_LEVEL: 'info', ...overrides } : overrides);
  const app = await buildApp(config, captureLogs ? { logStream: stream } : {});
  return { app, logs };
}

/** Empties the content tables and forgets cached totals, so a test sees only the rows it makes. */
export async function resetData(app: App) {
  await app.db.execute(sql`SET FOREIGN_KEY_CHECKS = 0`);
  for (const table of [commentReports, comments, blogRevisions, blogTags, tags, blogs, authors]) {
    await app.db.execute(sql`TRUNCATE TABLE ${table}`);
  }
  await app.db.execute(sql`SET FOREIGN_KEY_CHECKS = 1`);
  await app.db.execute(sql`TRUNCATE TABLE blog_search`);
  await blogListsChanged(app.counts);
}

let unique = 0;
export async function makeAuthor(app: App, fields: Partial<typeof authors.$inferInsert> = {}) {
  unique += 1;
  const values = {
    name: `Author ${unique}`,
    email: `author${unique}-${Date.now()}@example.test`,
    bio: null,
    ...fields,
  };
  const [result] = await app.db.insert(authors).values(values);
  return { id: result.insertId, ...values };
}

export async function makeBlog(
  app: App,
  authorId: number,
  fields: Partial<typeof blogs.$inferInsert> = {},
) {
  unique += 1;
  const values = {
    authorId,
    title: `Blog ${unique}`,
    content: `Body of blog ${unique}`,
    status: 'published' as const,
    pubDate: new Date(Date.UTC(2020, 0, 1, 0, 0, unique)),
    ...fields,
  };
  const [result] = await app.db.insert(blogs).values(values);
  // Written behind the blogs service's back, so indexed as the start-up backfill would.
  await reindexBlogs(app.db, app.searchIndex, [result.insertId]);
  await blogListsChanged(app.counts);
  return { id: result.insertId, ...values };
}

/** A user with an email and/or phone identity and a password, made directly in the database. */
export async function makeUser(
  app: App,
  fields: {
    email?: string;
    phone?: string;
    password?: string;
    nickname?: string;
    status?: 'pending' | 'active' | 'locked';
    locale?: 'en' | 'zh-CN';
  } = {},
) {
  unique += 1;
  const email =
    fields.email ?? (fields.phone ? undefined : `user${unique}-${Date.now()}@example.test`);
  const password = fields.password ?? `correct horse ${unique}`;
  const identity = email
    ? { kind: 'email' as const, provider: 'email', subject: email, verifiedAt: new Date() }
    : { kind: 'phone' as const, provider: 'phone', subject: fields.phone!, verifiedAt: new Date() };
  const user = await app.users.create(
    {
      nickname: fields.nickname ?? `User ${unique}`,
      passwordHash: await app.passwords.hash(password),
      status: fields.status ?? 'active',
      locale: fields.locale ?? 'en',
      registrationIp: '127.0.0.1',
    },
    identity,
  );
  if (email && fields.phone) {
    await app.users.addIdentity(user.id, {
      kind: 'phone',
      provider: 'phone',
      subject: fields.phone,
      verifiedAt: new Date(),
    });
  }
  return { ...user, email: email ?? null, phone: fields.phone ?? null, password };
}

/** Gives a user a role of their own that holds these permissions; returns the role's id. */
export async function grant(app: App, userId: number, ...permissions: Permission[]) {
  const [{ id }] = (await app.db
    .insert(roles)
    .values({
      name: `Test ${userId} ${permissions.join(' ')} ${randomUUID().slice(0, 8)}`.slice(0, 50),
    })
    .$returningId()) as [{ id: number }];
  if (permissions.length) {
    await app.db
      .insert(rolePermissions)
      .values(permissions.map((permission) => ({ roleId: id, permission })));
  }
  await app.db.insert(userRoles).values({ userId, roleId: id });
  return id;
}

/** A logged-in session for a user, as a login would make it. */
export async function sessionFor(app: App, userId: number, remember = false) {
  const user = await app.users.findById(userId);
  if (!user) throw new Error(`no user ${userId}`);
  const issued = await app.sessions.start(user, {
    remember,
    userAgent: 'vitest',
    ip: '127.0.0.1',
  });
  const { accessToken } = issued.result;
  return {
    sid: issued.sid,
    refreshToken: issued.cookie.value,
    accessToken,
    headers: { authorization: `Bearer ${accessToken}` },
  };
}

/** A valid mainland mobile number (E.164) that no other test in the run uses. */
export function uniquePhone(): string {
  unique += 1;
  const stamp = String(Date.now() % 10_000).padStart(4, '0');
  return `+86138${stamp}${String(unique % 10_000).padStart(4, '0')}`;
}

/**
 * Deletes Redis keys matching patterns. Each run recreates the database, so user ids come round
 * again while Redis keeps the last run's per-user keys (sessions, counters); tests that read those
 * clear them first.
 */
export async function forgetRedisKeys(app: App, ...patterns: string[]) {
  for (const match of patterns) {
    for await (const keys of app.redis.scanStream({ match, count: 500 })) {
      if ((keys as string[]).length) await app.redis.del(...(keys as string[]));
    }
  }
}

/** Polls `probe` until it gives something truthy; fails after `ms` naming what it waited for. */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  what: string,
  ms = 10_000,
): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every message the outbox holds for a recipient, oldest first. */
export function outbox(app: App, to: string) {
  return app.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, to))
    .orderBy(asc(outboxMessages.id));
}

/** Waits until `to` has received at least `count` messages (the worker delivers them); oldest first. */
export function waitForMessages(app: App, to: string, count = 1, ms = 10_000) {
  return waitFor(
    async () => {
      const rows = await outbox(app, to);
      return rows.length >= count ? rows : null;
    },
    `message #${count} for ${to}`,
    ms,
  );
}

/**
 * The site's settings back to the environment's: the rows go, and every API process on the test
 * database hears of it. Files that change settings call it when they end, so the files after
 * them meet the defaults (registration open, comments on).
 */
export async function resetSettings(app: App) {
  await app.db.delete(settings);
  await app.redis.publish(settingsChannel(testConfig().DATABASE_URL), 'reset');
}
