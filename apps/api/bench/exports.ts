/**
 * The exports at a million rows (`exports`) and the users table over a million users
 * (`admin-users-million`), on a database of their own beside the bench's (`folio_bench_million`,
 * kept between runs like `folio_bench`): migrated and seeded, then grown by INSERT ... SELECT in
 * steps of 100 000 to MILLION blogs and MILLION users. The grown blogs have titles in English and
 * Chinese (some with commas and quotes), a short markdown body, a mix of states and a spread of
 * dates; the grown users a mix of states, registration and login times. A staff account holding
 * every permission logs in through the API, as a person would.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { eq, sql } from 'drizzle-orm';
import { createDb, createPool, databaseName, ensureDatabase } from '../src/db/connection';
import { prepareDatabase } from '../src/db/prepare';
import { backfillSearchIndex } from '../src/modules/blogs/search-docs';
import { createMroongaIndex } from '../src/modules/search/mroonga';
import { rolePermissions, roles, userRoles } from '../src/db/schema';
import { CountCache } from '../src/lib/count-cache';
import { createPasswordHasher } from '../src/lib/passwords';
import { createRedis } from '../src/lib/redis';
import { createUserRepository } from '../src/modules/users/repository';
import { PERMISSIONS } from '@folio/schema';
import { fromClient } from './clients';
import { argon2Settings } from './login';
import type { TargetResult } from './scenarios';

export const EXPORTS_SCENARIO = 'exports';
export const USERS_MILLION_SCENARIO = 'admin-users-million';

export const MILLION = 1_000_000;
const STEP = 100_000;
const STAFF_EMAIL = 'bench-exports@folio.localhost';
const STAFF_PASSWORD = 'bench exports password';
const STAFF_ROLE = 'Bench exports';

/** Targets: rows per second of a full export of the blogs, peak RSS, the users page's p99. */
export const CSV_ROWS_PER_SECOND = 100_000;
export const XLSX_ROWS_PER_SECOND = 30_000;
export const EXPORT_RSS_BYTES = 150 * 1024 * 1024;
export const USERS_PAGE_P99_MS = 50;

/** The users page the scenario asks for: a status and a sort, pages 1 to 50. */
export const USERS_PAGE_QUERY = 'status=active&sort=-createdAt';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * bench/server.ts bundled as scripts/build.mjs bundles the server (dist/bench-server.js), for
 * plain Node to run: the process measured holds what production's would.
 */
export async function bundleBenchServer(): Promise<string> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({
    absWorkingDir: root,
    entryPoints: { 'bench-server': 'bench/server.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    // For --enable-source-maps, which production leaves off (it holds every loaded module's map in
    // memory): stack traces then name the source file and line; the sources are in the repository.
    sourcesContent: false,
    packages: 'external',
    alias: { '@folio/schema': '../../packages/schema/src/index.ts' },
    logLevel: 'warning',
  });
  return `${root}dist/bench-server.js`;
}

/** Migrated, seeded, a staff account, and MILLION blogs and MILLION users. */
export async function prepareMillionDatabase(databaseUrl: string, redisUrl: string) {
  await ensureDatabase(databaseUrl);
  const pool = createPool({ url: databaseUrl, size: 2 });
  const redis = createRedis(redisUrl);
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const db = createDb(pool);
    const counts = new CountCache(redis, databaseUrl);
    await prepareDatabase(db, counts);
    const name = databaseName(databaseUrl);
    const count = async (table: string) => {
      const [rows] = await pool.query(`SELECT COUNT(*) AS n FROM ${table}`);
      return Number((rows as { n: number }[])[0]!.n);
    };
    const [authorRows] = await pool.query('SELECT MIN(id) AS lo, MAX(id) AS hi FROM authors');
    const { lo, hi } = (authorRows as { lo: number; hi: number }[])[0]!;
    for (let have = await count('blogs'); have < MILLION; have = await count('blogs')) {
      const started = Date.now();
      const n = Math.min(STEP, MILLION - have);
      // Titles with commas, quotes and Chinese, as staff's CSVs must carry them; a short body.
      await pool.query(
        `INSERT INTO blogs (author_id, title, content, content_html, excerpt, status, pub_date,
           view_count, comment_count, featured, created_at, updated_at, deleted_at)
         SELECT ${lo} + (seq + ${have}) MOD ${hi - lo + 1},
           CONCAT(ELT(1 + seq MOD 5, 'The old man and the sea', '老人与海，第', 'Gone with the wind, "again"',
             'And then there were none', '=SUM(A1) is no formula'), ' ', seq + ${have}),
           'A short body, with *markdown*.', '<p>A short body, with <em>markdown</em>.</p>',
           'A short body, with markdown.',
           ELT(1 + seq MOD 20, 'draft', 'scheduled', 'published', 'published', 'published',
             'published', 'published', 'published', 'published', 'published', 'published',
             'published', 'published', 'published', 'published', 'published', 'published',
             'published', 'published', 'published'),
           TIMESTAMP('2016-01-01') + INTERVAL ((seq + ${have}) * 263) SECOND,
           (seq * 7919) MOD 10000, seq MOD 13, seq MOD 500 = 0,
           TIMESTAMP('2016-01-01') + INTERVAL ((seq + ${have}) * 263) SECOND,
           TIMESTAMP('2016-01-01') + INTERVAL ((seq + ${have}) * 263 + 3600) SECOND,
           IF(seq MOD 97 = 0, TIMESTAMP('2026-01-01'), NULL)
         FROM seq_1_to_${n}`,
      );
      console.log(`  ${name}: ${have + n} blogs (${seconds(Date.now() - started)})`);
    }
    for (let have = await count('users'); have < MILLION; have = await count('users')) {
      const started = Date.now();
      const n = Math.min(STEP, MILLION - have);
      await pool.query(
        `INSERT INTO users (nickname, status, locale, registration_ip, last_login_at,
           last_login_ip, created_at, updated_at, deleted_at)
         SELECT CONCAT(ELT(1 + seq MOD 4, 'reader', '读者', 'Writer, "W"', 'staff'), ' ', seq + ${have}),
           ELT(1 + seq MOD 10, 'pending', 'locked', 'active', 'active', 'active', 'active',
             'active', 'active', 'active', 'active'),
           IF(seq MOD 3 = 0, 'zh-CN', 'en'), '198.18.0.1',
           IF(seq MOD 4 = 0, NULL, TIMESTAMP('2020-01-01') + INTERVAL ((seq * 7919) MOD 100000000) SECOND),
           IF(seq MOD 4 = 0, NULL, '198.18.0.2'),
           TIMESTAMP('2016-01-01') + INTERVAL ((seq + ${have}) * 263) SECOND,
           TIMESTAMP('2016-01-01') + INTERVAL ((seq + ${have}) * 263) SECOND,
           IF(seq MOD 101 = 0, TIMESTAMP('2026-01-01'), NULL)
         FROM seq_1_to_${n}`,
      );
      console.log(`  ${name}: ${have + n} users (${seconds(Date.now() - started)})`);
    }
    await ensureStaff(databaseUrl);
    // The grown blogs go into the search index here (a first run's long walk), as prepareDatabase
    // does for the seeded ones: the server measured starts with an index that is up to date.
    const { indexed } = await backfillSearchIndex(db, createMroongaIndex(db));
    if (indexed) console.log(`  ${name}: ${indexed} blogs indexed for search`);
    await pool.query('ANALYZE TABLE blogs, users');
    return { blogs: await count('blogs'), users: await count('users') };
  } finally {
    redis.disconnect();
    await pool.end();
  }
}

/** An active account with a password and a role holding every permission. */
async function ensureStaff(databaseUrl: string) {
  const pool = createPool({ url: databaseUrl, size: 1 });
  try {
    const db = createDb(pool);
    const users = createUserRepository(db);
    const passwordHash = await createPasswordHasher(argon2Settings()).hash(STAFF_PASSWORD);
    const found = await users.findByIdentity('email', STAFF_EMAIL);
    const userId = found
      ? (await users.update(found.user.id, { passwordHash, status: 'active' }), found.user.id)
      : (
          await users.create(
            { nickname: 'Bench staff', passwordHash, status: 'active', locale: 'en' },
            { kind: 'email', provider: 'email', subject: STAFF_EMAIL, verifiedAt: new Date() },
          )
        ).id;
    let [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.name, STAFF_ROLE));
    if (!role) {
      await db.insert(roles).values({ name: STAFF_ROLE });
      [role] = await db.select({ id: roles.id }).from(roles).where(eq(roles.name, STAFF_ROLE));
    }
    await db
      .insert(rolePermissions)
      .values(PERMISSIONS.map((permission) => ({ roleId: role!.id, permission })))
      .onDuplicateKeyUpdate({ set: { permission: sql`permission` } });
    await db
      .insert(userRoles)
      .values({ userId, roleId: role!.id })
      .onDuplicateKeyUpdate({ set: { roleId: sql`role_id` } });
  } finally {
    await pool.end();
  }
}

/** The staff account's access token, from a login as the SPA makes it. */
export async function staffToken(baseUrl: string): Promise<string> {
  const response = await fetch(new URL('/api/v1/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...fromClient(7_777) },
    body: JSON.stringify({ account: STAFF_EMAIL, password: STAFF_PASSWORD }),
  });
  const body = (await response.json()) as { data?: { accessToken?: string } };
  if (!response.ok || !body.data?.accessToken) {
    throw new Error(`the bench staff could not log in: ${response.status}`);
  }
  return body.data.accessToken;
}

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

export interface ExportRun {
  format: 'csv' | 'xlsx';
  rows: number;
  bytes: number;
  ms: number;
  rowsPerSecond: number;
  /** The API process's resident memory: before the export, and its peak during it. */
  rssBeforeBytes: number;
  peakRssBytes: number;
}

/** A full export of every blog, read as fast as the client takes it, the server's RSS sampled. */
async function exportOnce(
  baseUrl: string,
  token: string,
  pid: number,
  format: 'csv' | 'xlsx',
): Promise<ExportRun> {
  const rssBeforeBytes = rssOf(pid);
  let peakRssBytes = rssBeforeBytes;
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, rssOf(pid));
  }, 20);
  const started = performance.now();
  try {
    const response = await fetch(new URL(`/api/v1/admin/exports/blogs?format=${format}`, baseUrl), {
      headers: { authorization: `Bearer ${token}`, ...fromClient(8_888) },
    });
    if (!response.ok)
      throw new Error(`export ${format}: ${response.status} ${await response.text()}`);
    const rows = Number(response.headers.get('x-export-rows'));
    let bytes = 0;
    for await (const chunk of response.body!) bytes += (chunk as Uint8Array).length;
    const ms = performance.now() - started;
    return {
      format,
      rows,
      bytes,
      ms,
      rowsPerSecond: rows / (ms / 1000),
      rssBeforeBytes,
      peakRssBytes: Math.max(peakRssBytes, rssOf(pid)),
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Until the process's RSS has stayed put for 5 s (at most 60 s): V8 returns start-up's garbage
 * some seconds after a start, and a staff member exports from a server that has been up a while.
 */
async function settled(pid: number): Promise<void> {
  let last = rssOf(pid);
  for (let waited = 0, still = 0; still < 5 && waited < 60; waited++) {
    await sleep(1_000);
    const now = rssOf(pid);
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

export async function measureExports(baseUrl: string, pid: number): Promise<ExportRun[]> {
  const token = await staffToken(baseUrl);
  const runs: ExportRun[] = [];
  for (const format of ['csv', 'xlsx'] as const) {
    // Settled after the start and the previous export: what the process holds is this one's.
    await settled(pid);
    const run = await exportOnce(baseUrl, token, pid, format);
    console.log(
      `  ${EXPORTS_SCENARIO} ${format}: ${run.rows} rows, ${(run.bytes / 1e6).toFixed(1)} MB in ` +
        `${seconds(run.ms)}: ${Math.round(run.rowsPerSecond)} rows/s; RSS ` +
        `${(run.rssBeforeBytes / 1048576).toFixed(1)} MB before, peak ${(run.peakRssBytes / 1048576).toFixed(1)} MB`,
    );
    runs.push(run);
  }
  return runs;
}

export interface UsersPageLoad {
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

/** The users page with a filter and a sort, pages 1 to 50 in turn, over `connections`. */
export async function measureUsersPage(
  baseUrl: string,
  { duration, connections }: { duration: number; connections: number },
): Promise<UsersPageLoad> {
  const token = await staffToken(baseUrl);
  const run = (seconds: number) =>
    new Promise<{ latencies: number[]; result: autocannon.Result }>((resolveRun, reject) => {
      const latencies: number[] = [];
      let next = 0;
      const instance = autocannon(
        {
          url: baseUrl,
          connections,
          duration: seconds,
          headers: { authorization: `Bearer ${token}` },
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                path: `/api/v1/admin/users?${USERS_PAGE_QUERY}&page=${1 + (next++ % 50)}`,
              }),
            },
          ],
        },
        (err: unknown, result) => (err ? reject(err) : resolveRun({ latencies, result })),
      );
      instance.on('response', (_client, status, _bytes, ms) => {
        if (status >= 200 && status < 300) latencies.push(ms);
      });
    });
  await run(3);
  const { latencies, result } = await run(duration);
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! * 100) / 100;
  return {
    requests: result.requests.total,
    reqPerSec: result['2xx'] / result.duration,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    non2xx: result.non2xx,
  };
}

export function exportTargets(runs: ExportRun[]): TargetResult[] {
  const csv = runs.find((r) => r.format === 'csv');
  const xlsx = runs.find((r) => r.format === 'xlsx');
  const peak = Math.max(...runs.map((r) => r.peakRssBytes));
  const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
  const target = (
    name: string,
    actual: number,
    comparison: TargetResult['comparison'],
    limit: number,
  ): TargetResult => ({
    name,
    actual,
    limit,
    comparison,
    met: comparison === '>=' ? actual >= limit : actual < limit,
  });
  return [
    ...(csv
      ? [target(`${EXPORTS_SCENARIO} csv rows/s`, csv.rowsPerSecond, '>=', CSV_ROWS_PER_SECOND)]
      : []),
    ...(xlsx
      ? [target(`${EXPORTS_SCENARIO} xlsx rows/s`, xlsx.rowsPerSecond, '>=', XLSX_ROWS_PER_SECOND)]
      : []),
    target(`${EXPORTS_SCENARIO} peak RSS MB`, mb(peak), '<', mb(EXPORT_RSS_BYTES)),
  ];
}

export function usersPageTarget(load: UsersPageLoad): TargetResult {
  return {
    name: `${USERS_MILLION_SCENARIO} p99 ms (${USERS_PAGE_QUERY})`,
    actual: load.p99Ms,
    limit: USERS_PAGE_P99_MS,
    comparison: '<',
    met: load.non2xx === 0 && load.p99Ms < USERS_PAGE_P99_MS,
  };
}
