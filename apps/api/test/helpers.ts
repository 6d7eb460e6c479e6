import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { buildApp, type App } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { authors, blogs } from '../src/db/schema';
import { CountCache } from '../src/lib/count-cache';
import { AUTHORS_SCOPE } from '../src/modules/authors/service';
import { BLOGS_SCOPE } from '../src/modules/blogs/service';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    LOG_LEVEL: 'silent',
    WEB_DIST: '/nonexistent',
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
  await app.db.execute(sql`TRUNCATE TABLE ${blogs}`);
  await app.db.execute(sql`TRUNCATE TABLE ${authors}`);
  await app.db.execute(sql`SET FOREIGN_KEY_CHECKS = 1`);
  await CountCache.invalidate(app.redis, BLOGS_SCOPE, AUTHORS_SCOPE);
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
  await CountCache.invalidate(app.redis, BLOGS_SCOPE, AUTHORS_SCOPE);
  return { id: result.insertId, ...values };
}
