import './lib/threadpool';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { migrateDatabase } from './db/migrate';
import { catchUpStoredBlogs, prepareDatabase } from './db/prepare';
import { administratorLine, ensureAdministratorIn } from './modules/roles/administrator';
import { checkDependencies, DependencyDownError } from './lib/startup-checks';
import { loadDotEnv } from './lib/dotenv';

/** How long requests in flight may take to finish once the listener closes. */
const SHUTDOWN_LIMIT_MS = 10_000;

async function main() {
  loadDotEnv();
  const config = loadConfig();
  await checkDependencies(config);
  // Before the app exists: its background worker must never see a database without its tables.
  if (config.MIGRATE_ON_START) await migrateDatabase(config.DATABASE_URL);
  const app = await buildApp(config);

  const { seeded } = await prepareDatabase(app.db, app.counts, {
    migrate: false,
    seed: config.SEED_ON_EMPTY,
  });
  if (seeded) app.log.info('seeded the sample authors and blogs');
  const admin = administratorLine(await ensureAdministratorIn(app.db, config), config.SITE_ORIGIN);
  if (admin) app.log.warn(admin);
  if (config.RUN_WORKER) void catchUpStoredBlogs(app.db, app.log);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    // A load balancer needs a moment to see readiness fail before the listener goes away; an
    // interrupt at the terminal (SIGINT) has nobody to tell.
    const drainMs = signal === 'SIGTERM' ? config.SHUTDOWN_DRAIN_MS : 0;
    app.lifecycle.draining = true;
    app.log.info({ signal, drainMs }, 'shutting down');
    setTimeout(() => {
      const force = setTimeout(() => {
        app.log.error('requests still running after 10 s; exiting anyway');
        process.exit(1);
      }, SHUTDOWN_LIMIT_MS);
      force.unref();
      // Keep-alive connections that finish their last request after close() began would otherwise
      // linger until their timeout; drop each one as soon as it goes idle.
      setInterval(() => app.server.closeIdleConnections(), 50).unref();
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'error while closing');
          process.exit(1);
        },
      );
    }, drainMs);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const address = await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info(
    `Folio is running: open ${addressToOpen(config.SITE_ORIGIN, address, app.servesSpa)}`,
  );
}

/**
 * SITE_ORIGIN when this process serves it (the SPA is built and SITE_ORIGIN is plain http on the
 * port listened on), else the address listened on: behind nginx the site is nginx's to announce.
 */
function addressToOpen(siteOrigin: string, address: string, servesSpa: boolean): string {
  const site = new URL(siteOrigin);
  const listening = new URL(address);
  const sitePort = site.port || (site.protocol === 'https:' ? '443' : '80');
  const served = servesSpa && site.protocol === 'http:' && sitePort === (listening.port || '80');
  return served ? site.origin : listening.origin;
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DependencyDownError) {
    console.error(`folio: ${err.message}`);
  } else {
    console.error('folio: could not start:', err);
  }
  process.exit(1);
});
