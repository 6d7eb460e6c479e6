import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import mysql from 'mysql2/promise';
import * as schema from './schema';

export type Db = MySql2Database<typeof schema>;
export type Pool = mysql.Pool;

export interface PoolOptions {
  url: string;
  size?: number;
  idleTimeoutMs?: number;
  /** Longest a statement may wait for the server's answer; 0 waits for ever (migrations, tools). */
  queryTimeoutMs?: number;
  /** Longest a caller may wait for a pooled connection, queued or connecting; 0 waits for ever. */
  acquireTimeoutMs?: number;
  /** Callers that may wait for a connection at once; past it they fail at once (0: no limit). */
  queueLimit?: number;
}

/** What is used here of a core mysql2 connection beyond its typings. */
interface CoreConnection {
  stream: { destroy(error?: Error): void };
  addCommand(command: NodeJS.EventEmitter): unknown;
  release(): void;
}
type AcquireCallback = (err: Error | null, connection?: CoreConnection) => void;
interface CorePool {
  getConnection(cb: AcquireCallback): void;
  _connectionQueue?: { length: number; get(i: number): unknown; removeOne(i: number): void };
}

/** A dependency error the error handler reports as MariaDB being unavailable (503). */
function unavailable(message: string, code: string): Error {
  return Object.assign(new Error(message), { code, fatal: true });
}

/**
 * Deadlines that one timer checks a few times a second while any are pending, rather than a timer
 * armed and cleared for every query: on the hot path a deadline costs a Map entry. All share one
 * length, so the Map's insertion order is their order.
 */
function deadlines(ms: number) {
  const pending = new Map<object, { at: number; expire: () => void }>();
  let timer: NodeJS.Timeout | undefined;
  const sweep = () => {
    const now = Date.now();
    for (const [key, deadline] of pending) {
      if (deadline.at > now) break;
      pending.delete(key);
      deadline.expire();
    }
    if (!pending.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  return {
    add(key: object, expire: () => void) {
      pending.set(key, { at: Date.now() + ms, expire });
      if (!timer) timer = setInterval(sweep, Math.max(20, Math.min(250, ms / 8))).unref();
    },
    delete(key: object) {
      pending.delete(key);
    },
  };
}

/**
 * A frozen server (stopped, or a network that drops packets) keeps its sockets open, so nothing
 * ever fails by itself. Every command gets a deadline; past it the socket is destroyed, which
 * fails the command (and any queued behind it) and takes the connection out of the pool, so it is
 * never handed out again. mysql2's own per-query `timeout` would instead keep the connection and
 * return it to the pool once the late answer arrives.
 */
function limitCommandTime(connection: CoreConnection, commands: ReturnType<typeof deadlines>) {
  const addCommand = connection.addCommand.bind(connection);
  connection.addCommand = (command) => {
    commands.add(command, () => {
      connection.stream.destroy(
        unavailable('MariaDB gave no answer in time', 'PROTOCOL_SEQUENCE_TIMEOUT'),
      );
    });
    command.once('end', () => commands.delete(command));
    return addCommand(command);
  };
}

/**
 * mysql2 lets a caller wait for a connection for ever. This bounds the wait, whether the caller
 * is queued behind a full pool or a new connection is still being made; a connection that turns
 * up after its caller gave up goes straight back to the pool.
 */
function limitAcquireTime(pool: CorePool, ms: number) {
  const getConnection = pool.getConnection.bind(pool);
  const waits = deadlines(ms);
  const guarded = new WeakSet<AcquireCallback>();
  pool.getConnection = (cb) => {
    // The pool re-enters getConnection with a queued callback when a connection leaves it.
    if (guarded.has(cb)) return getConnection(cb);
    let settled = false;
    const guard: AcquireCallback = (err, connection) => {
      if (settled) {
        connection?.release();
        return;
      }
      settled = true;
      waits.delete(guard);
      cb(err, connection);
    };
    guarded.add(guard);
    waits.add(guard, () => {
      if (settled) return;
      settled = true;
      dequeue(pool, guard);
      cb(unavailable(`no MariaDB connection within ${ms} ms`, 'POOL_ACQUIRE_TIMEOUT'));
    });
    getConnection(guard);
  };
}

/** Drops a caller that gave up from the pool's wait queue, so it no longer counts to its limit. */
function dequeue(pool: CorePool, cb: AcquireCallback) {
  const queue = pool._connectionQueue;
  if (!queue) return;
  for (let i = 0; i < queue.length; i++) {
    if (queue.get(i) === cb) {
      queue.removeOne(i);
      return;
    }
  }
}

/** A string parameter at least this long makes its statement a prepared one (`preparingLongText`). */
export const LONG_TEXT = 1_024;

const carriesLongText = (params: unknown): boolean =>
  Array.isArray(params) &&
  params.some((param) => typeof param === 'string' && param.length >= LONG_TEXT);

interface Queryable {
  query(sql: unknown, params?: unknown): Promise<unknown>;
  execute(sql: unknown, params?: unknown): Promise<unknown>;
}

/**
 * Statements that carry long text (a blog's markdown and HTML, its search document) run as
 * prepared statements: the text travels as bytes beside the statement instead of being escaped
 * into it by the client and parsed back out by the server: for a 5 000-character blog's statement
 * that costs the client about 1.5 and the server about 2.7 times the CPU (mysql2 3.24, MariaDB
 * 10.11). mysql2 keeps
 * each connection's prepared statements (at most `maxPreparedStatements`, the least recently used
 * closed first), so a statement is prepared once per connection. Everything else keeps the text
 * protocol, which needs no preparing round trip.
 */
function preparingLongText<T extends Queryable>(client: T): T {
  const query = client.query.bind(client);
  client.query = (sql: unknown, params?: unknown) =>
    carriesLongText(params) ? client.execute(sql, params) : query(sql, params);
  return client;
}

/**
 * A bounded pool speaking utf8mb4 in UTC. Idle connections are closed after `idleTimeoutMs`
 * (keep it well under the server's wait_timeout), and a connection the server drops anyway leaves
 * the pool on its 'end'/'error' event, so the next query opens a fresh one.
 */
export function createPool({
  url,
  size = 10,
  idleTimeoutMs = 60_000,
  queryTimeoutMs = 0,
  acquireTimeoutMs = 0,
  queueLimit = 0,
}: PoolOptions): Pool {
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
    queueLimit,
    decimalNumbers: true,
    supportBigNumbers: true,
    // No stack captured for every query in case it fails (2 % of a publish's CPU, seen in
    // `pnpm bench`): drizzle's own error already names the query and where it was run.
    trace: false,
    // Per connection: a pool of 10 holds at most 640 of the server's max_prepared_stmt_count.
    maxPreparedStatements: 64,
  });
  preparingLongText(pool as unknown as Queryable);
  // A transaction's statements run on a connection taken from the pool.
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = async () =>
    preparingLongText((await getConnection()) as unknown as Queryable) as never;
  const core = pool.pool as unknown as CorePool & NodeJS.EventEmitter;
  if (acquireTimeoutMs > 0) limitAcquireTime(core, acquireTimeoutMs);
  const commands = queryTimeoutMs > 0 ? deadlines(queryTimeoutMs) : null;
  core.on('connection', (connection: CoreConnection & mysql.Connection) => {
    if (commands) limitCommandTime(connection, commands);
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
