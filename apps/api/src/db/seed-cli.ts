import { ConfigError, loadConfig } from '../config';
import { CountCache } from '../lib/count-cache';
import { createRedis } from '../lib/redis';
import { checkDependencies, DependencyDownError } from '../lib/startup-checks';
import { createDb, createPool, databaseName } from './connection';
import { DEMO_MAX_BLOGS, insertDemoData, type DemoProgress } from './demo';
import { backfillSearchIndex } from '../modules/blogs/search-docs';
import { createMroongaIndex } from '../modules/search/mroonga';
import { prepareDatabase } from './prepare';
import { administratorLine, ensureAdministratorIn } from '../modules/roles/administrator';
import { loadDotEnv } from '../lib/dotenv';

const USAGE = `usage: pnpm db:seed [--demo N]  (N: demo blogs to add, 1 to ${DEMO_MAX_BLOGS})`;

class UsageError extends Error {}

/** `[]` or `['--demo', 'N']` (also `--demo=N`); pnpm may pass a lone `--` before them. */
function parseSeedArgs(argv: readonly string[]): { demo: number } {
  const args = argv.filter((a) => a !== '--');
  let demo = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    let value: string | undefined;
    if (arg === '--demo') value = args[++i];
    else if (arg.startsWith('--demo=')) value = arg.slice('--demo='.length);
    else if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    else throw new UsageError(`db:seed: unknown argument "${arg}"; ${USAGE}`);
    demo = value !== undefined && /^[0-9]{1,8}$/.test(value) ? Number(value) : NaN;
    if (!(demo >= 1 && demo <= DEMO_MAX_BLOGS))
      throw new UsageError(`db:seed: bad --demo "${value ?? ''}"; ${USAGE}`);
  }
  return { demo };
}

function progressPrinter() {
  let lastPrint = 0;
  return ({ done, total, elapsedMs }: DemoProgress) => {
    const now = Date.now();
    if (done < total && now - lastPrint < 1_000) return;
    lastPrint = now;
    const rate = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
    const pct = ((done * 100) / total).toFixed(0).padStart(3);
    console.log(`  ${done}/${total} blogs (${pct}%), ${rate} rows/s`);
  };
}

async function main() {
  const { demo } = parseSeedArgs(process.argv.slice(2));
  loadDotEnv();
  const config = loadConfig();
  await checkDependencies(config);

  const pool = createPool({ url: config.DATABASE_URL, size: 2 });
  const redis = createRedis(config.REDIS_URL);
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const db = createDb(pool);
    const name = databaseName(config.DATABASE_URL);
    const counts = new CountCache(redis, config.DATABASE_URL);
    const { seeded } = await prepareDatabase(db, counts);
    console.log(
      seeded
        ? `${name}: migrated and seeded the sample authors and blogs`
        : `${name}: migrated; sample data already there`,
    );
    const admin = administratorLine(await ensureAdministratorIn(db, config), config.SITE_ORIGIN);
    if (admin) console.log(`${name}: ${admin}`);
    if (demo > 0) {
      console.log(`${name}: generating ${demo} demo blogs...`);
      const result = await insertDemoData(db, counts, {
        blogs: demo,
        onProgress: progressPrinter(),
      });
      const seconds = result.elapsedMs / 1000;
      console.log(
        `${name}: added ${result.blogs} blogs and ${result.authors} authors in ${seconds.toFixed(1)} s ` +
          `(${Math.round(result.blogs / seconds)} blogs/s)`,
      );
      const started = Date.now();
      const { indexed } = await backfillSearchIndex(db, createMroongaIndex(db));
      console.log(
        `${name}: indexed ${indexed} blogs for search in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    redis.disconnect();
    await pool.end();
  }
}

main().catch((err: unknown) => {
  if (
    err instanceof UsageError ||
    err instanceof ConfigError ||
    err instanceof DependencyDownError
  ) {
    console.error(err.message);
  } else {
    console.error('db:seed failed:', err);
  }
  process.exit(1);
});
