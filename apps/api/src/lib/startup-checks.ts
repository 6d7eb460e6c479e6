import mysql from 'mysql2/promise';
import type { Config } from '../config';
import { ensureDatabase } from '../db/connection';
import { createRedis } from './redis';

export class DependencyDownError extends Error {}

function where(url: string) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 3306)}`;
}

function reason(err: unknown) {
  const e = err as { code?: string; message?: string };
  return e.code ?? e.message ?? String(err);
}

/** Fails with one line that says which dependency is down, where, and how to start it. */
export async function checkDependencies(config: Config): Promise<void> {
  try {
    await ensureDatabase(config.DATABASE_URL);
  } catch (err) {
    throw new DependencyDownError(
      `MariaDB is not reachable at ${where(config.DATABASE_URL)} (${reason(err)}): start it with ` +
        '`start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd` or point DATABASE_URL at a running server.',
    );
  }
  await checkMroonga(config.DATABASE_URL);
  const redis = createRedis(config.REDIS_URL);
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new DependencyDownError(
      `Redis is not reachable at ${where(config.REDIS_URL)} (${reason(err)}): start it with ` +
        '`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no` or point REDIS_URL at a running server.',
    );
  } finally {
    redis.disconnect();
  }
}

/** Search's index is a Mroonga table (modules/search): the server must have the engine enabled. */
async function checkMroonga(url: string): Promise<void> {
  const connection = await mysql.createConnection({ uri: url });
  try {
    const [rows] = await connection.query(
      "SELECT SUPPORT AS support FROM information_schema.ENGINES WHERE ENGINE = 'Mroonga'",
    );
    const support = (rows as { support: string }[])[0]?.support;
    if (support === 'YES' || support === 'DEFAULT') return;
  } finally {
    await connection.end();
  }
  throw new DependencyDownError(
    `MariaDB at ${where(url)} has no Mroonga storage engine, which search needs: install ` +
      "mariadb-plugin-mroonga (`pnpm start` does on this machine, as root) and run `INSTALL SONAME 'ha_mroonga'`.",
  );
}
