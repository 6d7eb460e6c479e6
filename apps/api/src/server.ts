import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { prepareDatabase } from './db/prepare';
import { checkDependencies, DependencyDownError } from './lib/startup-checks';

const SHUTDOWN_LIMIT_MS = 10_000;

/** A local `.env` at the repository root (made by `pnpm start` for its secret); real env wins. */
function loadDotEnv() {
  // src/ and dist/ both sit two levels below the repository root.
  const path = fileURLToPath(new URL('../../../.env', import.meta.url));
  if (existsSync(path)) process.loadEnvFile(path);
}

async function main() {
  loadDotEnv();
  const config = loadConfig();
  await checkDependencies(config);
  const app = await buildApp(config);

  const { seeded } = await prepareDatabase(app.db, app.redis, {
    migrate: config.MIGRATE_ON_START,
    seed: config.SEED_ON_EMPTY,
  });
  if (seeded) app.log.info('seeded the sample authors and blogs');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
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
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.HOST, port: config.PORT });
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DependencyDownError) {
    console.error(`folio: ${err.message}`);
  } else {
    console.error('folio: could not start:', err);
  }
  process.exit(1);
});
