import mysql from 'mysql2/promise';
import { createDb, createPool, databaseName } from '../src/db/connection';
import { runMigrations } from '../src/db/migrate';
import { createRedis } from '../src/lib/redis';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './env';

/** A fresh, migrated test database for the run, and an empty test Redis database beside it. */
export default async function setup() {
  const name = databaseName(TEST_DATABASE_URL);
  const server = new URL(TEST_DATABASE_URL);
  server.pathname = '/';
  const admin = await mysql.createConnection({ uri: server.toString() });
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const pool = createPool({ url: TEST_DATABASE_URL, size: 2 });
  await runMigrations(createDb(pool));
  await pool.end();
  // User ids start again with the database: sessions, counters and limits of a past run must go.
  const redis = createRedis(TEST_REDIS_URL);
  await redis.connect();
  await redis.flushdb();
  redis.disconnect();
}
