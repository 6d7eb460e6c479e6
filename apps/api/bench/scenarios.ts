import type { Options } from 'autocannon';
import { ensureLoginUsers, loginLoad } from './login';

/** Which server a scenario loads; each kind runs in its own child process (see server.ts). */
export type ServerKind = 'app' | 'baseline';

export interface ScenarioContext {
  /** Ids of visible blogs in the bench database, in random order. */
  blogIds: readonly number[];
  /** Visible blogs in the bench database. */
  totalBlogs: number;
  /** Where the servers keep their data, for a `setup` that makes rows or reads a captcha. */
  databaseUrl: string;
  redisUrl: string;
}

/** What autocannon sends to `path`; the runner adds the address, connections and duration. */
export type Load = Omit<Options, 'url' | 'connections' | 'duration' | 'amount'> & { path?: string };

export interface Scenario {
  name: string;
  server: ServerKind;
  /** The measured load. */
  load: (ctx: ScenarioContext) => Load;
  /**
   * Load run alongside the measured one and not reported, e.g. concurrent logins while the list's
   * p99 is measured. Its connections come on top of the measured ones.
   */
  background?: (ctx: ScenarioContext) => Load & { connections: number };
  /** Runs once, after the server is up and before the warm-up, e.g. to create a bench user. */
  setup?: (ctx: ScenarioContext & { baseUrl: string }) => Promise<void>;
}

/** Requests that walk `paths` in turn (one walk shared by all connections). */
export function rotating(paths: readonly string[], extra: Load = {}): Load {
  let next = 0;
  return {
    ...extra,
    requests: [
      {
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
      },
    ],
  };
}

/** Logins running at once while the blog list's p99 is measured. */
export const CONCURRENT_LOGINS = 20;

const detailPaths = (prefix: string, ctx: ScenarioContext) =>
  ctx.blogIds.map((id) => `${prefix}/blogs/${id}`);

export const SCENARIOS: Scenario[] = [
  {
    name: 'baseline',
    server: 'baseline',
    load: (ctx) => rotating(detailPaths('', ctx)),
  },
  {
    name: 'blog-detail',
    server: 'app',
    load: (ctx) => rotating(detailPaths('/api/v1', ctx)),
  },
  {
    name: 'blog-list-page-1',
    server: 'app',
    load: () => ({ path: '/api/v1/blogs?page=1' }),
  },
  {
    name: 'blog-list-page-2000',
    server: 'app',
    load: () => ({ path: '/api/v1/blogs?page=2000' }),
  },
  {
    // Logins per second with the configured argon2 settings.
    name: 'login',
    server: 'app',
    load: () => loginLoad(),
    setup: (ctx) => ensureLoginUsers(ctx.databaseUrl),
  },
  {
    // argon2 runs on libuv's thread pool: the list must stay quick while logins hash.
    name: 'blog-list-page-1-during-logins',
    server: 'app',
    load: () => ({ path: '/api/v1/blogs?page=1' }),
    background: () => ({ ...loginLoad(), connections: CONCURRENT_LOGINS }),
    setup: (ctx) => ensureLoginUsers(ctx.databaseUrl),
  },
];

export interface ScenarioResult {
  name: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ratioToBaseline: number | null;
  requests: number;
  non2xx: number;
  errors: number;
  /** The share of the machine other processes used during the measurement (null: unknown). */
  otherCpu: number | null;
}

export interface TargetResult {
  name: string;
  /** The measured ratio. */
  actual: number;
  limit: number;
  comparison: '>=' | '<=';
  met: boolean;
}

interface Target {
  name: string;
  needs: [string, string];
  comparison: '>=' | '<=';
  limit: number;
  ratio: (a: ScenarioResult, b: ScenarioResult) => number;
}

const TARGETS: Target[] = [
  {
    name: 'blog-detail req/s / baseline req/s',
    needs: ['blog-detail', 'baseline'],
    comparison: '>=',
    limit: 0.7,
    ratio: (a, b) => a.reqPerSec / b.reqPerSec,
  },
  {
    name: 'blog-list-page-1 req/s / blog-detail req/s',
    needs: ['blog-list-page-1', 'blog-detail'],
    comparison: '>=',
    limit: 0.5,
    ratio: (a, b) => a.reqPerSec / b.reqPerSec,
  },
  {
    name: 'blog-list-page-2000 p50 / blog-list-page-1 p50',
    needs: ['blog-list-page-2000', 'blog-list-page-1'],
    comparison: '<=',
    limit: 3,
    ratio: (a, b) => a.p50Ms / b.p50Ms,
  },
  {
    name: `blog-list-page-1 p99 during ${CONCURRENT_LOGINS} logins / blog-list-page-1 p99`,
    needs: ['blog-list-page-1-during-logins', 'blog-list-page-1'],
    comparison: '<=',
    limit: 2,
    ratio: (a, b) => a.p99Ms / b.p99Ms,
  },
];

/** The targets whose scenarios ran. */
export function checkTargets(results: readonly ScenarioResult[]): TargetResult[] {
  const byName = new Map(results.map((r) => [r.name, r]));
  return TARGETS.flatMap(({ name, needs, comparison, limit, ratio }) => {
    const a = byName.get(needs[0]);
    const b = byName.get(needs[1]);
    if (!a || !b) return [];
    const actual = ratio(a, b);
    const met =
      Number.isFinite(actual) && (comparison === '>=' ? actual >= limit : actual <= limit);
    return [{ name, actual, limit, comparison, met }];
  });
}
