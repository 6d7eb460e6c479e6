import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import mysql from 'mysql2/promise';
import * as schema from './schema';

export type Db = MySql2Database<typeof schema>;
export type Pool = mysql.Pool;

export interface PoolOptions {
  url: string;
  size?: number;
  idleTimeoutMs?: number;
}

/**
 * A bounded pool speaking utf8mb4 in UTC. Idle connections are closed after `idleTimeoutMs`
 * (keep it well under the server's wait_timeout), and a connection the server drops anyway leaves
 * the pool on its 'end'/'error' event, so the next query opens a fresh one.
 */
export function createPool({ url, size = 10, idleTimeoutMs = 60_000 }: PoolOptions): Pool {
  const pool = mysql.createPool({
    uri: url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectionLimit: size,
    maxIdle: size,
    idleTimeout: idleTimeoutMs,
    connectTimeout: 2_000,
    enableKeepAlive: true,
    keepAliveInitialDelay: 10_000,
    waitForConnections: true,
    queueLimit: 1_000,
    decimalNumbers: true,
    supportBigNumbers: true,
  });
  pool.pool.on('connection', (connection) => {
    connection.query("SET time_zone = '+00:00'");
  });
  return pool;
}

export function createDb(pool: Pool): Db {
  return drizzle(pool, { schema, mode: 'default' });
}

/** The database name a URL points at. */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name))
    throw new Error(`DATABASE_URL names no usable database: "${name}"`);
  return name;
}

/** Creates the URL's database (utf8mb4) when it is missing. */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  const server = new URL(url);
  server.pathname = '/';
  const connection = await mysql.createConnection({
    uri: server.toString(),
    connectTimeout: 2_000,
  });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}
