import './lib/threadpool';
import { pino, type LoggerOptions } from 'pino';
import { loadConfig, localDemoNotice } from './config';
import { createDb, createPool } from './db/connection';
import { catchUpStoredBlogs } from './db/prepare';
import { loggerOptions } from './lib/logger';
import { exitWhenClosed, runMain } from './lib/process';
import { checkDependencies } from './lib/startup-checks';
import { startBackgroundWork } from './modules/maintenance/background';
import { loadDotEnv } from './lib/dotenv';

// The background worker as its own process (mail, SMS, scheduled clean-ups), for deployments
// that run the API with RUN_WORKER=false. It does not migrate: the API does that at start-up.

const SHUTDOWN_LIMIT_MS = 10_000;

async function main() {
  loadDotEnv();
  const config = loadConfig();
  await checkDependencies(config);
  const log = pino(loggerOptions(config) as LoggerOptions);
  const demo = localDemoNotice(config);
  if (demo) log.warn(demo);
  const pool = createPool({
    url: config.DATABASE_URL,
    size: config.DB_POOL_SIZE,
    idleTimeoutMs: config.DB_IDLE_TIMEOUT_MS,
    queryTimeoutMs: config.DB_QUERY_TIMEOUT_MS,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    queueLimit: config.DB_QUEUE_LIMIT,
  });
  const db = createDb(pool);
  const work = await startBackgroundWork(config, db, log);
  log.info('worker started');
  void catchUpStoredBlogs(db, log);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('jobs still running after 10 s; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    // Jobs in progress finish first; then nothing holds the database.
    exitWhenClosed(
      work.close().then(() => pool.end()),
      log,
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

runMain('worker', main);
