import type { Options } from 'autocannon';
import { fromClient } from './clients';
import { ensureCommentedBlog } from './comments';
import { ensureLoginUsers, loginLoad } from './login';
import { createRedis } from '../src/lib/redis';
import { createBlogViews, dayOf, HOT_DAYS } from '../src/modules/blogs/views';
import { clearBenchBlogs, logIn, publishLoad, type Writers } from './publish';

/** Which server a scenario loads; each kind runs in its own child process (see server.ts). */
export type ServerKind = 'app' | 'baseline';

export interface ScenarioContext {
  /** Ids of visible blogs in the bench database, in random order. */
  blogIds: readonly number[];
  /** Visible blogs in the bench database. */
  totalBlogs: number;
  /** The tag the tag-filtered list asks for (BENCH_TAG), and how many visible blogs carry it. */
  tag: { slug: string; blogs: number };
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
  /** Connections of the measured load when the scenario's target names them (else --connections). */
  connections?: number;
  /** Runs once, after the server is up and before the warm-up, e.g. to create a bench user. */
  setup?: (ctx: ScenarioContext & { baseUrl: string }) => Promise<void>;
  /** Runs once after the measurement, even a failed one, e.g. to delete what the load wrote. */
  teardown?: (ctx: ScenarioContext) => Promise<void>;
}

/**
 * The demo tag (see DEMO_TAGS in src/db/demo.ts) the tag-filtered list asks for: the sixth most
 * used, on about 7 % of the demo blogs (7 000 of 100 000).
 */
export const BENCH_TAG = 'history';

/**
 * Requests that walk `paths` in turn (one walk shared by all connections); with `manyClients`,
 * each from another client address (X-Forwarded-For, see clients.ts).
 */
export function rotating(
  paths: readonly string[],
  { manyClients = false, ...extra }: Load & { manyClients?: boolean } = {},
): Load {
  let next = 0;
  return {
    ...extra,
    requests: [
      {
        setupRequest: (request) => {
          const n = next++;
          const path = paths[n % paths.length];
          if (!manyClients) return { ...request, path };
          return { ...request, path, headers: { ...request.headers, ...fromClient(n) } };
        },
      },
    ],
  };
}

/** A shuffled copy (Fisher-Yates), so neighbouring requests ask for unrelated things. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Deep pages of the list, each asked for once per walk (over 100 000 pages: more than a run
 * makes): page sizes 10 to 100 over the back half of the list, so no request reads the page the
 * one before it read, and most read rows no recent request touched. Each page is sought from its
 * anchor (see blogs/service.ts), computed the first time its stride is needed and then cached.
 */
function deepPages(totalBlogs: number): string[] {
  const paths: string[] = [];
  for (let perPage = 10; perPage <= 100; perPage += 1) {
    const pages = Math.floor(totalBlogs / perPage);
    for (let page = Math.ceil(pages / 2); page <= pages; page++) {
      paths.push(`/api/v1/blogs?page=${page}&perPage=${perPage}`);
    }
  }
  return shuffled(paths);
}

/**
 * Title searches as people type them: whole words and fragments, common and rare, in English and
 * Chinese (the demo titles' languages), each a LIKE over the titles of the list's order.
 */
/** Connections of the search scenarios: the target is p99 under 50 ms at 50. */
export const SEARCH_CONNECTIONS = 50;

/** Common English words of the demo blogs (faker's words, book titles and phrases). */
const SEARCH_WORDS_EN = ['the', 'river', 'system', 'war', 'love', 'night', 'house', 'bandwidth'];

/** Chinese terms of the demo blogs (faker's zh_CN words, dishes and cities), common to rare. */
const SEARCH_WORDS_ZH = ['动物', '很好', '城市', '传感器', '的做法', '羊肉', '北京', '上海'];

const SEARCHES = [
  'the',
  'sea',
  'old man',
  'night',
  'war',
  'love',
  'river',
  'house',
  'why',
  'idiot',
  'pastoral',
  'thoughts',
  'summer',
  'garden',
  'city',
  'moon',
  'ing',
  'tion',
  're-read',
  'and then',
  '三国',
  '红楼',
  '读',
  '想法',
  '关于',
  '与',
  '西游',
  '水浒',
  '春',
  '故事',
];

/** Logins running at once while the blog list's p99 is measured. */
export const CONCURRENT_LOGINS = 20;

/** Blogs published a second while the list's p99 is measured: one every 100 ms. */
export const PUBLISHES_PER_SECOND = 10;

const detailPaths = (prefix: string, ctx: ScenarioContext) =>
  ctx.blogIds.map((id) => `${prefix}/blogs/${id}`);

/** The blog with 1 000 comments the comments scenario reads, found (or made) by its setup. */
const commented = { blogId: 0 };

/** The publishing scenarios' writers, logged in by their setup. */
const writers: Writers = { tokens: [] };

/**
 * The publishing scenarios' own setup and teardown: the bench users logged in, and the blogs they
 * wrote deleted before the scenario (a run that was stopped leaves some) and after it.
 */
const publishing = {
  setup: async (ctx: ScenarioContext & { baseUrl: string }) => {
    await ensureLoginUsers(ctx.databaseUrl);
    await clearBenchBlogs(ctx.databaseUrl, ctx.redisUrl);
    await logIn(writers, ctx.baseUrl);
  },
  teardown: (ctx: ScenarioContext) => clearBenchBlogs(ctx.databaseUrl, ctx.redisUrl),
};

/** Views entries written for each day of the hot list's window before `blog-hot` runs. */
const VIEWED_PER_DAY = 5_000;

/**
 * Views of the last 7 days: each day, VIEWED_PER_DAY entries spread over the bench's sampled
 * blogs (`blogIds`, a thousand), each with 1 to 200 views, so the window's union ranks all of
 * them. Written straight into the days' sorted sets (`modules/blogs/views.ts`), as recording
 * views one by one would take the bench minutes.
 */
async function seedViews(ctx: ScenarioContext) {
  const redis = createRedis(ctx.redisUrl);
  redis.on('error', () => undefined);
  await redis.connect();
  try {
    const views = createBlogViews({
      redis,
      databaseUrl: ctx.databaseUrl,
      visitorKey: Buffer.alloc(32),
    });
    const now = Date.now();
    for (let day = 0; day < HOT_DAYS; day++) {
      const key = views.keys.day(dayOf(new Date(now - day * 86_400_000)));
      const members: (string | number)[] = [];
      for (let i = 0; i < VIEWED_PER_DAY; i++) {
        const id = ctx.blogIds[(day * VIEWED_PER_DAY + i * 7) % ctx.blogIds.length]!;
        members.push(1 + ((id * 31 + day) % 200), id);
      }
      await redis.zadd(key, ...members);
      await redis.expire(key, (HOT_DAYS + 1) * 86_400);
    }
    await redis.del(views.keys.week(dayOf(new Date(now))));
  } finally {
    redis.disconnect();
  }
}

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
    // A blog's page as a browser or a crawler asks for it: the SPA's shell with its share tags.
    name: 'blog-page-html',
    server: 'app',
    load: (ctx) => rotating(detailPaths('', ctx)),
  },
  {
    // The site-wide RSS feed (20 blogs with their HTML), as feed readers poll it.
    name: 'feed-rss',
    server: 'app',
    load: () => ({ path: '/feed.xml' }),
  },
  {
    // The first page of a blog's comments (20 threads of 5, nested), from a blog with 1 000.
    name: 'blog-comments',
    server: 'app',
    load: () => ({ path: `/api/v1/blogs/${commented.blogId}/comments` }),
    setup: async (ctx) => {
      await ensureLoginUsers(ctx.databaseUrl);
      commented.blogId = await ensureCommentedBlog(ctx.databaseUrl, ctx.redisUrl);
    },
  },
  {
    // The hot list (GET /blogs/hot) over a week of views of the sampled blogs (seedViews).
    name: 'blog-hot',
    server: 'app',
    setup: seedViews,
    load: () => ({ path: '/api/v1/blogs/hot' }),
  },
  {
    name: 'blog-list-page-1',
    server: 'app',
    load: () => ({ path: '/api/v1/blogs?page=1' }),
  },
  {
    // The first page of one tag's blogs (BENCH_TAG, thousands of them).
    name: 'blog-list-tag-page-1',
    server: 'app',
    load: (ctx) => ({ path: `/api/v1/blogs?tag=${encodeURIComponent(ctx.tag.slug)}` }),
  },
  {
    name: 'blog-list-page-2000',
    server: 'app',
    load: () => ({ path: '/api/v1/blogs?page=2000' }),
  },
  {
    // A different deep page each request (see deepPages).
    name: 'blog-list-deep-cold',
    server: 'app',
    load: (ctx) => rotating(deepPages(ctx.totalBlogs)),
  },
  {
    // Searches from many people: each client stays far under the per-IP search limit.
    name: 'blog-search',
    server: 'app',
    load: () =>
      rotating(
        SEARCHES.map((q) => `/api/v1/blogs?q=${encodeURIComponent(q)}`),
        { manyClients: true },
      ),
  },
  {
    // Full-text searches (GET /search) for common English words, from many people at once.
    name: 'search-english',
    server: 'app',
    connections: SEARCH_CONNECTIONS,
    load: () =>
      rotating(
        SEARCH_WORDS_EN.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`),
        { manyClients: true },
      ),
  },
  {
    // The same for Chinese terms, matched without spaces between words.
    name: 'search-chinese',
    server: 'app',
    connections: SEARCH_CONNECTIONS,
    load: () =>
      rotating(
        SEARCH_WORDS_ZH.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`),
        { manyClients: true },
      ),
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
  {
    // Blogs published per second: 5 000 characters of markdown each, rendered on the way in.
    name: 'blog-publish',
    server: 'app',
    load: () => publishLoad(writers),
    ...publishing,
  },
  {
    // Every publish drops the cached totals: the list's next request counts again.
    name: 'blog-list-page-1-while-publishing',
    server: 'app',
    load: () => ({ path: '/api/v1/blogs?page=1' }),
    background: () => ({
      ...publishLoad(writers),
      connections: 1,
      overallRate: PUBLISHES_PER_SECOND,
    }),
    ...publishing,
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
  /** The measured figure (a ratio, bytes or ms, as the name says). */
  actual: number;
  limit: number;
  comparison: '>=' | '<=' | '<';
  met: boolean;
}

type Comparison = TargetResult['comparison'];

interface Target {
  name: string;
  /** The scenarios the figure is made from, in the order `figure` takes them. */
  needs: readonly string[];
  figure: (results: ScenarioResult[]) => number;
  comparison: Comparison;
  limit: number;
}

type Measure = 'reqPerSec' | 'p50Ms' | 'p99Ms';

/** One scenario's figure against another's. */
function ratio(
  name: string,
  [a, b]: [string, string],
  measure: Measure,
  comparison: Comparison,
  limit: number,
): Target {
  return { name, needs: [a, b], figure: ([x, y]) => x![measure] / y![measure], comparison, limit };
}

/** One scenario's figure itself. */
function absolute(
  name: string,
  a: string,
  measure: Measure,
  comparison: Comparison,
  limit: number,
): Target {
  return { name, needs: [a], figure: ([x]) => x![measure], comparison, limit };
}

const TARGETS: Target[] = [
  absolute(
    `search-english p99 ms at ${SEARCH_CONNECTIONS} connections`,
    'search-english',
    'p99Ms',
    '<',
    50,
  ),
  absolute(
    `search-chinese p99 ms at ${SEARCH_CONNECTIONS} connections`,
    'search-chinese',
    'p99Ms',
    '<',
    50,
  ),
  ratio('blog-detail req/s / baseline req/s', ['blog-detail', 'baseline'], 'reqPerSec', '>=', 0.7),
  ratio('blog-hot req/s / baseline req/s', ['blog-hot', 'baseline'], 'reqPerSec', '>=', 0.7),
  ratio(
    'blog-list-page-1 req/s / blog-detail req/s',
    ['blog-list-page-1', 'blog-detail'],
    'reqPerSec',
    '>=',
    0.5,
  ),
  ratio(
    'blog-comments req/s / blog-detail req/s',
    ['blog-comments', 'blog-detail'],
    'reqPerSec',
    '>=',
    0.5,
  ),
  ratio(
    'blog-list-tag-page-1 req/s / blog-detail req/s',
    ['blog-list-tag-page-1', 'blog-detail'],
    'reqPerSec',
    '>=',
    0.5,
  ),
  ratio(
    'blog-list-page-2000 p50 / blog-list-page-1 p50',
    ['blog-list-page-2000', 'blog-list-page-1'],
    'p50Ms',
    '<=',
    3,
  ),
  ratio(
    `blog-list-page-1 p99 during ${CONCURRENT_LOGINS} logins / blog-list-page-1 p99`,
    ['blog-list-page-1-during-logins', 'blog-list-page-1'],
    'p99Ms',
    '<=',
    2,
  ),
  absolute('blog-publish blogs/s', 'blog-publish', 'reqPerSec', '>=', 300),
  absolute(
    `blog-list-page-1 p99 ms while publishing ${PUBLISHES_PER_SECOND} blogs/s`,
    'blog-list-page-1-while-publishing',
    'p99Ms',
    '<',
    100,
  ),
];

const meets = (actual: number, comparison: Comparison, limit: number) =>
  comparison === '>=' ? actual >= limit : comparison === '<=' ? actual <= limit : actual < limit;

/** The targets whose scenarios ran. */
export function checkTargets(results: readonly ScenarioResult[]): TargetResult[] {
  const byName = new Map(results.map((r) => [r.name, r]));
  return TARGETS.flatMap(({ name, needs, figure, comparison, limit }) => {
    const found = needs.map((n) => byName.get(n));
    if (found.some((r) => !r)) return [];
    const actual = figure(found as ScenarioResult[]);
    const met = Number.isFinite(actual) && meets(actual, comparison, limit);
    return [{ name, actual, limit, comparison, met }];
  });
}
