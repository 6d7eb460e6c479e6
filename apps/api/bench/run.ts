/**
 * `pnpm bench [--json FILE] [--duration S] [--connections N] [--only a,b]`: fills a bench database
 * to 100 000 published blogs with their tags (once), starts each server under test in a child process, drives it
 * with autocannon from this process and prints requests/s (2xx answers only) and latency against
 * the targets, then times email registration for new and taken addresses (register.ts). Loopback only; every run is bounded; a missed target is reported, not an error.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, parseEnv } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { and, count, eq, sql } from 'drizzle-orm';
import { loadConfig } from '../src/config';
import { createDb, createPool, databaseName, ensureDatabase, type Db } from '../src/db/connection';
import { countVisibleBlogs, insertDemoData, tagDemoBlogs } from '../src/db/demo';
import { prepareDatabase } from '../src/db/prepare';
import { backfillSearchIndex } from '../src/modules/blogs/search-docs';
import { createMroongaIndex } from '../src/modules/search/mroonga';
import { blogs, blogTags, tags } from '../src/db/schema';
import { CountCache } from '../src/lib/count-cache';
import { createRedis } from '../src/lib/redis';
import { visibleBlog } from '../src/modules/blogs/repository';
import { watchCpu } from './cpu';
import {
  HOME_PAGE_FCP_MS,
  HOME_PAGE_WIRE_BYTES,
  measureHomePage,
  type HomePageLoad,
} from './home-page';
import {
  bundleBenchServer,
  EXPORTS_SCENARIO,
  exportTargets,
  measureExports,
  measureUsersPage,
  prepareMillionDatabase,
  USERS_MILLION_SCENARIO,
  USERS_PAGE_QUERY,
  usersPageTarget,
  type ExportRun,
  type UsersPageLoad,
} from './exports';
import { argon2Settings } from './login';
import { measureSseIdle, SSE_RSS_BYTES, SSE_STREAMS, type SseIdleLoad } from './sse';
import { deleteBenchBlogs } from './publish';
import {
  measureRegistration,
  REGISTRATION_MEDIANS_WITHIN_MS,
  type RegistrationCost,
} from './register';
import {
  BENCH_TAG,
  checkTargets,
  SCENARIOS,
  type Load,
  type Scenario,
  type ScenarioContext,
  type ScenarioResult,
  type ServerKind,
  type TargetResult,
} from './scenarios';

const BENCH_BLOGS = 100_000;
const ID_SAMPLE = 1_000;
const WARMUP_SECONDS = 3;
const HOST = '127.0.0.1';
/**
 * The bench keeps its Redis keys in their own logical database: cached list totals are keyed by
 * scope, not by MariaDB database, so sharing db 0 with a dev server would mix their totals.
 */
const BENCH_REDIS_DB = 15;
/** Other work above this share of the machine makes a scenario's figures suspect. */
const OTHER_CPU_WARNING = 0.1;

/** Not an autocannon load: timed one request at a time (see register.ts). */
const REGISTRATION_SCENARIO = 'register-email-cost';
/** Not an autocannon load either: Chromium opens the home page cold (see home-page.ts). */
const HOME_PAGE_SCENARIO = 'home-page-cold';
const SSE_IDLE_SCENARIO = 'sse-idle-streams';
/** On a database of a million rows of their own (see exports.ts): not the bench database. */
const MILLION_SCENARIOS = [EXPORTS_SCENARIO, USERS_MILLION_SCENARIO];
const OWN_SCENARIOS = [
  REGISTRATION_SCENARIO,
  HOME_PAGE_SCENARIO,
  SSE_IDLE_SCENARIO,
  ...MILLION_SCENARIOS,
];

/** The bench's own processes: this one and the servers it starts. */
const ownPids: number[] = [process.pid];

interface Options {
  json?: string;
  duration: number;
  connections: number;
  only?: string[];
}

function usage(message: string): never {
  console.error(
    `bench: ${message}\nusage: pnpm bench [--json FILE] [--duration 1-60] [--connections 1-100] [--only name,...]`,
  );
  process.exit(1);
}

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: {
        json: { type: 'string' },
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '10' },
        only: { type: 'string' },
      },
    }));
  } catch (err) {
    usage((err as Error).message);
  }
  const int = (name: string, value: string, max: number) => {
    const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= max)) usage(`--${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  const only = values.only?.split(',').filter(Boolean);
  const unknown = only?.filter(
    (name) => !OWN_SCENARIOS.includes(name) && !SCENARIOS.some((s) => s.name === name),
  );
  if (unknown?.length) usage(`no scenario named ${unknown.join(', ')}`);
  return {
    // pnpm runs the script in apps/api; a relative path means the caller's directory.
    json: values.json && resolve(process.env.INIT_CWD ?? process.cwd(), values.json),
    duration: int('duration', values.duration, 60),
    connections: int('connections', values.connections, 100),
    only,
  };
}

function withPath(url: string, path: string): string {
  const u = new URL(url);
  u.pathname = path;
  return u.toString();
}

/**
 * Migrated, seeded and holding at least BENCH_BLOGS visible demo blogs with their tags, none
 * left by the publishing scenarios; returns a sample of ids and the tag the tag list asks for.
 */
async function prepareBenchDatabase(databaseUrl: string, redisUrl: string) {
  await ensureDatabase(databaseUrl);
  const pool = createPool({ url: databaseUrl, size: 2 });
  const redis = createRedis(redisUrl);
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const db = createDb(pool);
    const counts = new CountCache(redis, databaseUrl);
    await prepareDatabase(db, counts);
    const left = await deleteBenchBlogs(db, counts);
    if (left) console.log(`deleted ${left} blogs an earlier run published`);
    const have = await countVisibleBlogs(db);
    if (have < BENCH_BLOGS) {
      const missing = BENCH_BLOGS - have;
      console.log(`filling ${databaseName(databaseUrl)}: ${have} blogs, adding ${missing}...`);
      const { elapsedMs } = await insertDemoData(db, counts, {
        blogs: missing,
        onProgress: ({ done, total }) => {
          if (done === total || done % 20_000 === 0) console.log(`  ${done}/${total}`);
        },
      });
      console.log(`  done in ${(elapsedMs / 1000).toFixed(1)} s`);
    }
    // Databases filled before demo blogs had tags get them now (once: a blog that has some is passed).
    const { tagged } = await tagDemoBlogs(db, counts);
    if (tagged) console.log(`gave ${tagged} demo blogs their tags`);
    // The search index catches up with blogs written by SQL (all of them the first time).
    const started = Date.now();
    const { indexed, removed } = await backfillSearchIndex(db, createMroongaIndex(db));
    if (indexed || removed) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`search index: ${indexed} blogs indexed, ${removed} removed in ${seconds} s`);
    }
    return {
      blogIds: await sampleIds(db),
      totalBlogs: await countVisibleBlogs(db),
      tag: await benchTag(db),
    };
  } finally {
    redis.disconnect();
    await pool.end();
  }
}

async function sampleIds(db: Db): Promise<number[]> {
  const rows = await db
    .select({ id: blogs.id })
    .from(blogs)
    .where(visibleBlog)
    .orderBy(sql`rand()`)
    .limit(ID_SAMPLE);
  return rows.map((r) => r.id);
}

/** BENCH_TAG's slug and its visible blogs; the tag-filtered list would measure nothing without. */
async function benchTag(db: Db): Promise<{ slug: string; blogs: number }> {
  const [row] = await db
    .select({ slug: tags.slug, blogs: count() })
    .from(tags)
    .innerJoin(blogTags, eq(blogTags.tagId, tags.id))
    .innerJoin(blogs, and(eq(blogs.id, blogTags.blogId), visibleBlog))
    .where(eq(tags.name, BENCH_TAG))
    .groupBy(tags.id);
  if (!row?.blogs) throw new Error(`no visible blog has the tag ${BENCH_TAG}`);
  return row;
}

interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
}

/** The heap and allocator settings production runs the API's processes with (runtime.env). */
const RUNTIME_ENV = parseEnv(readFileSync(new URL('../runtime.env', import.meta.url), 'utf8'));

/**
 * `bundle`: server.ts bundled (see exports.ts), run by plain Node with runtime.env as production
 * runs its bundle.
 */
function startServer(
  kind: ServerKind,
  env: NodeJS.ProcessEnv,
  bundle?: string,
): Promise<RunningServer> {
  const script = bundle ?? fileURLToPath(new URL('./server.ts', import.meta.url));
  const child = fork(script, [kind], {
    env: bundle ? { ...env, ...RUNTIME_ENV } : env,
    execArgv: bundle ? [] : process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${kind} server did not start within 30 s`));
    }, 30_000);
    child.once('message', (message: { port: number }) => {
      clearTimeout(timer);
      if (child.pid) ownPids.push(child.pid);
      resolveStart({ child, baseUrl: `http://${HOST}:${message.port}` });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${kind} server exited with code ${code} before listening`));
    });
  });
}

/** The built events process (src/events.ts), as deployments run it; pnpm bench builds it. */
const EVENTS_BUNDLE = fileURLToPath(new URL('../dist/events.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolvePort(port));
    });
  });
}

/** Starts dist/events.js with the production settings of the Docker image, once it answers. */
async function startEventsProcess(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  if (!existsSync(EVENTS_BUNDLE)) {
    throw new Error(`${EVENTS_BUNDLE} is missing: run \`pnpm build\` (pnpm bench does)`);
  }
  const port = await freePort();
  const child = spawn(process.execPath, [EVENTS_BUNDLE], {
    env: {
      ...env,
      ...RUNTIME_ENV,
      HOST,
      PORT: String(port),
      NODE_ENV: 'production',
      MAIL_TRANSPORT: 'outbox',
      SMS_TRANSPORT: 'outbox',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (child.pid) ownPids.push(child.pid);
  const baseUrl = `http://${HOST}:${port}`;
  for (let waited = 0; waited < 30_000; waited += 200) {
    if (child.exitCode !== null)
      throw new Error(`the events process exited with ${child.exitCode}`);
    const live = await fetch(`${baseUrl}/api/v1/health/live`).catch(() => null);
    if (live?.ok) return { child, baseUrl };
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error('the events process did not answer within 30 s');
}

async function stopServer({ child }: RunningServer): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // autocannon drops its sockets at the end; let the handlers they left running finish first.
  await sleep(1_000);
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

interface Measured {
  result: Result;
  /** The share of the machine other processes used meanwhile (null where unknown). */
  otherCpu: number | null;
  /** Response times of 2xx answers, in ms; autocannon's own histogram keeps whole ms only. */
  latencies: number[];
}

function cannon(
  baseUrl: string,
  { path = '/', ...load }: Load,
  run: Partial<autocannon.Options>,
): Promise<Measured> {
  return new Promise((resolveRun, reject) => {
    const latencies: number[] = [];
    const watch = watchCpu(ownPids);
    const instance = autocannon(
      { ...load, ...run, url: new URL(path, baseUrl).toString() },
      (err: unknown, result) =>
        err ? reject(err) : resolveRun({ result, latencies, otherCpu: watch.stop() }),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
    : NaN;
}

/** One request of the scenario's kind must succeed, or the numbers would measure errors. */
async function probe(baseUrl: string, load: Load, name: string) {
  const { result: r } = await cannon(baseUrl, load, { connections: 1, amount: 1, timeout: 5 });
  if (r['2xx'] !== 1)
    throw new Error(`${name}: the first request failed (${JSON.stringify(r.statusCodeStats)})`);
}

async function runScenario(
  scenario: Scenario,
  server: RunningServer,
  ctx: ScenarioContext,
  options: Options,
): Promise<Measured> {
  try {
    await scenario.setup?.({ ...ctx, baseUrl: server.baseUrl });
    await probe(server.baseUrl, scenario.load(ctx), scenario.name);
    const runs = async (duration: number) => {
      const background = scenario.background?.(ctx);
      const [measured] = await Promise.all([
        cannon(server.baseUrl, scenario.load(ctx), {
          connections: scenario.connections ?? options.connections,
          duration,
        }),
        background && cannon(server.baseUrl, background, { duration }),
      ]);
      return measured;
    };
    await runs(WARMUP_SECONDS);
    return await runs(options.duration);
  } finally {
    await scenario.teardown?.(ctx);
  }
}

function toResult(name: string, { result: r, latencies, otherCpu }: Measured) {
  const sorted = Float64Array.from(latencies).sort();
  const ms = (q: number) => Math.round(percentile(sorted, q) * 100) / 100;
  return {
    name,
    // Served means answered with a 2xx: a 429 or a 500 is quick and would flatter the figure.
    reqPerSec: r['2xx'] / r.duration,
    p50Ms: ms(0.5),
    p99Ms: ms(0.99),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    otherCpu: otherCpu === null ? null : Math.round(otherCpu * 100) / 100,
  };
}

/** The registration scenario's target, as the load scenarios' ones read. */
function registrationTarget(cost: RegistrationCost): TargetResult {
  return {
    name: 'register-email median |new address - taken address| ms',
    actual: cost.differenceMs,
    limit: REGISTRATION_MEDIANS_WITHIN_MS,
    comparison: '<=',
    met: cost.differenceMs <= REGISTRATION_MEDIANS_WITHIN_MS,
  };
}

/** The cold home page's targets, as the load scenarios' ones read. */
function homePageTargets(load: HomePageLoad): TargetResult[] {
  return [
    {
      name: `${HOME_PAGE_SCENARIO} median bytes on the wire`,
      actual: load.wireBytes,
      limit: HOME_PAGE_WIRE_BYTES,
      comparison: '<=',
      met: load.wireBytes <= HOME_PAGE_WIRE_BYTES,
    },
    {
      name: `${HOME_PAGE_SCENARIO} median first contentful paint ms`,
      actual: load.fcpMs,
      limit: HOME_PAGE_FCP_MS,
      comparison: '<',
      met: load.fcpMs < HOME_PAGE_FCP_MS,
    },
  ];
}

/** The idle streams' target: one process's resident memory with all of them open, in MB. */
function sseTarget(load: SseIdleLoad): TargetResult {
  const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
  return {
    name: `${SSE_IDLE_SCENARIO} RSS MB with ${load.streams} streams`,
    actual: mb(load.rssBytes),
    limit: mb(SSE_RSS_BYTES),
    comparison: '<',
    met: load.streams === SSE_STREAMS && load.rssBytes < SSE_RSS_BYTES,
  };
}

function printTable(
  results: ScenarioResult[],
  targets: TargetResult[],
  registration: RegistrationCost | null,
  homePage: HomePageLoad | null,
  sse: SseIdleLoad | null,
) {
  const rows = [
    ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'x baseline', 'non-2xx/errors'],
    ...results.map((r) => [
      r.name,
      r.reqPerSec.toFixed(0),
      r.p50Ms.toFixed(2),
      r.p99Ms.toFixed(2),
      r.ratioToBaseline === null ? '-' : r.ratioToBaseline.toFixed(2),
      `${r.non2xx}/${r.errors}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log();
  for (const row of rows) {
    console.log(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  '),
    );
  }
  if (registration) {
    console.log(
      `\n${REGISTRATION_SCENARIO} (${registration.samples} samples each): ` +
        `new address median ${registration.newMedianMs} ms, taken address median ` +
        `${registration.takenMedianMs} ms, difference ${registration.differenceMs} ms`,
    );
  }
  if (homePage) {
    console.log(
      `${HOME_PAGE_SCENARIO} (median of ${homePage.runs}): first contentful paint ` +
        `${homePage.fcpMs} ms, largest contentful paint ${homePage.lcpMs} ms, ` +
        `${(homePage.wireBytes / 1000).toFixed(1)} kB on the wire in ` +
        `${homePage.requests} requests`,
    );
  }
  if (sse) {
    console.log(
      `${SSE_IDLE_SCENARIO}: ${sse.streams} streams opened in ${sse.openMs} ms; RSS ` +
        `${(sse.rssBeforeBytes / 1048576).toFixed(1)} MB before, ${(sse.rssBytes / 1048576).toFixed(1)} MB ` +
        `with them open (${(sse.perStreamBytes / 1024).toFixed(1)} kB each)`,
    );
  }
  console.log();
  for (const t of targets) {
    console.log(
      `${t.met ? 'met   ' : 'MISSED'}  ${t.name} = ${t.actual.toFixed(3)} (target ${t.comparison} ${t.limit})`,
    );
  }
  for (const r of results.filter((r) => r.non2xx + r.errors > 0)) {
    console.log(`WARNING  ${r.name}: ${r.non2xx} non-2xx answers and ${r.errors} errors`);
  }
  for (const r of results.filter((r) => (r.otherCpu ?? 0) > OTHER_CPU_WARNING)) {
    console.log(
      `WARNING  ${r.name}: other processes used ${(r.otherCpu! * 100).toFixed(0)}% of the CPU meanwhile; run again on a quiet machine`,
    );
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  // Only the two addresses matter here; the servers read the rest of the environment themselves.
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
  });
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ?? withPath(config.DATABASE_URL, '/folio_bench');
  const redisUrl = process.env.BENCH_REDIS_URL ?? withPath(config.REDIS_URL, `/${BENCH_REDIS_DB}`);
  for (const url of [databaseUrl, redisUrl]) {
    const host = new URL(url).hostname;
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
      usage(`the bench only talks to loopback addresses, not ${host}`);
  }

  // Scenarios on the million-row database alone need no bench database filled first.
  const needsBench = !options.only || options.only.some((n) => !MILLION_SCENARIOS.includes(n));
  const ctx = {
    ...(needsBench
      ? await prepareBenchDatabase(databaseUrl, redisUrl)
      : { blogIds: [], totalBlogs: 0, tag: { slug: '', blogs: 0 } }),
    databaseUrl,
    redisUrl,
  };
  const millionUrl =
    process.env.BENCH_MILLION_DATABASE_URL ?? withPath(config.DATABASE_URL, '/folio_bench_million');
  const scenarios = SCENARIOS.filter((s) => !options.only || options.only.includes(s.name));
  const measureRegistrationCost = !options.only || options.only.includes(REGISTRATION_SCENARIO);
  const measureHome = !options.only || options.only.includes(HOME_PAGE_SCENARIO);
  const measureSse = !options.only || options.only.includes(SSE_IDLE_SCENARIO);
  const measureExport = !options.only || options.only.includes(EXPORTS_SCENARIO);
  const measureUsersMillion = !options.only || options.only.includes(USERS_MILLION_SCENARIO);
  const env = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  console.log(
    `${databaseName(databaseUrl)}: ${ctx.totalBlogs} visible blogs ` +
      `(${ctx.tag.blogs} tagged ${BENCH_TAG}); ` +
      `${scenarios.length} scenarios x (${WARMUP_SECONDS} s warm-up + ${options.duration} s), ` +
      `${options.connections} connections` +
      (measureRegistrationCost ? `, then ${REGISTRATION_SCENARIO}` : '') +
      (measureHome ? `, then ${HOME_PAGE_SCENARIO}` : ''),
  );

  const raw: Omit<ScenarioResult, 'ratioToBaseline'>[] = [];
  let registration: RegistrationCost | null = null;
  let homePage: HomePageLoad | null = null;
  let sse: SseIdleLoad | null = null;
  let exportRuns: ExportRun[] | null = null;
  let usersMillion: UsersPageLoad | null = null;
  const servers = new Map<ServerKind, RunningServer>();
  try {
    for (const scenario of scenarios) {
      let server = servers.get(scenario.server);
      if (!server) {
        // One server at a time, so the one under test has the second core to itself.
        await Promise.all([...servers.values()].map(stopServer));
        servers.clear();
        server = await startServer(scenario.server, env);
        servers.set(scenario.server, server);
      }
      const result = toResult(scenario.name, await runScenario(scenario, server, ctx, options));
      console.log(
        `  ${scenario.name}: ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
      );
      raw.push(result);
    }
    const appServer = async () => {
      let server = servers.get('app');
      if (!server) {
        await Promise.all([...servers.values()].map(stopServer));
        servers.clear();
        server = await startServer('app', env);
        servers.set('app', server);
      }
      return server;
    };
    if (measureRegistrationCost) {
      const server = await appServer();
      registration = await measureRegistration({ ...ctx, baseUrl: server.baseUrl });
      console.log(
        `  ${REGISTRATION_SCENARIO}: new ${registration.newMedianMs} ms, taken ` +
          `${registration.takenMedianMs} ms (medians)`,
      );
    }
    if (measureSse) {
      // A server of its own: what it holds is the streams', not earlier scenarios' caches.
      await Promise.all([...servers.values()].map(stopServer));
      servers.clear();
      const server = await appServer();
      // The streams are the events process's; the API gives out their tickets.
      const events = await startEventsProcess(env);
      try {
        sse = await measureSseIdle(
          { ...ctx, baseUrl: server.baseUrl, eventsUrl: events.baseUrl },
          events.child.pid!,
        );
      } finally {
        await stopServer(events);
      }
      console.log(
        `  ${SSE_IDLE_SCENARIO}: ${sse.streams} streams, RSS ${(sse.rssBytes / 1048576).toFixed(1)} MB`,
      );
    }
    if (measureHome) {
      // A server started afresh: the first visitor after a deploy meets cold caches too.
      await Promise.all([...servers.values()].map(stopServer));
      servers.clear();
      homePage = await measureHomePage((await appServer()).baseUrl);
      console.log(
        `  ${HOME_PAGE_SCENARIO}: FCP ${homePage.fcpMs} ms, LCP ${homePage.lcpMs} ms, ` +
          `${homePage.wireBytes} bytes (medians)`,
      );
    }
    if (measureExport || measureUsersMillion) {
      console.log(`preparing ${databaseName(millionUrl)}...`);
      const million = await prepareMillionDatabase(millionUrl, redisUrl);
      console.log(`${databaseName(millionUrl)}: ${million.blogs} blogs, ${million.users} users`);
      await Promise.all([...servers.values()].map(stopServer));
      servers.clear();
      // A server of its own on that database, started afresh and bundled as production runs
      // it (not through tsx's loader, whose memory would count): its RSS is the export's.
      const server = await startServer(
        'app',
        { ...env, DATABASE_URL: millionUrl },
        await bundleBenchServer(),
      );
      try {
        if (measureExport) exportRuns = await measureExports(server.baseUrl, server.child.pid!);
        if (measureUsersMillion) {
          usersMillion = await measureUsersPage(server.baseUrl, options);
          console.log(
            `  ${USERS_MILLION_SCENARIO} (${USERS_PAGE_QUERY}, pages 1-50): ` +
              `${usersMillion.reqPerSec.toFixed(0)} req/s, p50 ${usersMillion.p50Ms} ms, ` +
              `p99 ${usersMillion.p99Ms} ms, ${usersMillion.non2xx} non-2xx`,
          );
        }
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    await Promise.all([...servers.values()].map(stopServer));
  }

  const base = raw.find((r) => r.name === 'baseline');
  const results: ScenarioResult[] = raw.map((r) => ({
    ...r,
    ratioToBaseline: base ? r.reqPerSec / base.reqPerSec : null,
  }));
  const targets = [
    ...checkTargets(results),
    ...(registration ? [registrationTarget(registration)] : []),
    ...(homePage ? homePageTargets(homePage) : []),
    ...(sse ? [sseTarget(sse)] : []),
    ...(exportRuns ? exportTargets(exportRuns) : []),
    ...(usersMillion ? [usersPageTarget(usersMillion)] : []),
  ];
  printTable(results, targets, registration, homePage, sse);

  if (options.json) {
    const report = {
      scenarios: results,
      registration,
      homePage,
      sse,
      exports: exportRuns,
      usersMillion,
      targets,
      settings: {
        durationSeconds: options.duration,
        warmupSeconds: WARMUP_SECONDS,
        connections: options.connections,
        blogs: ctx.totalBlogs,
        argon2: argon2Settings(),
        node: process.version,
        cpus: cpus().length,
        at: new Date().toISOString(),
      },
    };
    writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwrote ${options.json}`);
  }
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});
