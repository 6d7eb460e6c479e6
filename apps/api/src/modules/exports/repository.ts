import type {
  AuditExportParams,
  BlogExportParams,
  CommentExportParams,
  UserExportParams,
} from '@folio/schema';
import { and, count, inArray, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { Db, Pool } from '../../db/connection';
import { auditLog, blogs, commentReports, comments, users } from '../../db/schema';
import { blogFilter, commentFilter } from '../admin-content/filters';
import { pageIndex, userFilter } from '../admin-users/repository';
import { auditFilter } from '../audit/service';

/** Where a batch ends: the last row's sort value and id. */
export interface Cursor {
  value: unknown;
  id: number;
}

/** The order an export reads in: a column (maybe the id itself), then the id, one direction. */
interface Order {
  column: MySqlColumn;
  id: MySqlColumn;
  desc: boolean;
  /** NULLs come first going up and last going down, as MariaDB sorts them. */
  nullable: boolean;
}

/** The rows past `cursor` in `order` (a range on the order's index). */
function after({ column, id, desc, nullable }: Order, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  const { value, id: lastId } = cursor;
  const [beyond, reaching] = desc ? [sql.raw('<'), sql.raw('<=')] : [sql.raw('>'), sql.raw('>=')];
  if (column === id) return sql`${id} ${beyond} ${lastId}`;
  if (value === null) {
    return desc
      ? sql`(${column} IS NULL AND ${id} < ${lastId})`
      : sql`((${column} IS NULL AND ${id} > ${lastId}) OR ${column} IS NOT NULL)`;
  }
  const past = sql`(${column} ${reaching} ${value} AND (${column} ${beyond} ${value} OR ${id} ${beyond} ${lastId}))`;
  return nullable && desc ? sql`(${past} OR ${column} IS NULL)` : past;
}

function orderBy({ column, id, desc }: Order): SQL[] {
  const direction = sql.raw(desc ? 'DESC' : 'ASC');
  return column === id
    ? [sql`${id} ${direction}`]
    : [sql`${column} ${direction}`, sql`${id} ${direction}`];
}

/** A query drizzle built, sent as it is through the pool (arrays of values, dates as text). */
interface Built {
  toSQL(): { sql: string; params: unknown[] };
}

export type RawRow = unknown[];

export interface ExportSource {
  count(): Promise<number>;
  /**
   * The rows in batches of `size`, each batch read by its index from where the last ended, and
   * handed to `encode` as soon as it is read (see `keyset`): the batches are what `encode` makes.
   */
  batches<T = RawRow[]>(
    size: number,
    encode?: (rows: RawRow[]) => T | Promise<T>,
  ): AsyncGenerator<T>;
  /** The statement of the batch after `cursor` (for EXPLAIN). */
  batchSql(cursor: Cursor | null, size: number): { sql: string; params: unknown[] };
}

/**
 * The row with `value` put in as column `at`, the columns from there moved one along: one new
 * array, filled column by column (a spread of slices makes three per row).
 */
function insertAt(row: RawRow, at: number, value: unknown): RawRow {
  const out: unknown[] = new Array(row.length + 1);
  for (let i = 0; i < at; i++) out[i] = row[i];
  out[at] = value;
  for (let i = at; i < row.length; i++) out[i + 1] = row[i];
  return out;
}

/** A batch read: its rows as `encode` made them, and where the next batch starts. */
interface Fetched<T> {
  next: Promise<Cursor | null>;
  batch: Promise<T | null>;
}

/**
 * Keyset batches: each is one short statement that starts where the previous one ended, so no
 * statement runs long, no connection is held between batches and memory holds two batches (the
 * next is read while the current one is written out). The order's sort value and id are the
 * row's `sortAt` and `idAt` values. A statement reads one table, so its plan is the index's walk
 * whatever the sizes of others; `complete` adds what other tables say of the batch's rows
 * (`insertAt`).
 *
 * A batch is completed and encoded the moment it is read, not when the reader asks for it: what
 * waits for a slow reader is the encoded batch (a text file's bytes, outside V8's heap), not its
 * rows, and the encoding of one batch overlaps the reading of the next.
 */
function keyset(
  pool: Pool,
  build: (past: SQL | undefined, limit: number) => Built,
  order: Order,
  { sortAt, idAt }: { sortAt: number; idAt: number },
  complete: (rows: RawRow[]) => Promise<RawRow[]> = async (rows) => rows,
) {
  const batchSql = (cursor: Cursor | null, limit: number) =>
    build(after(order, cursor), limit).toSQL();
  const read = async (cursor: Cursor | null, limit: number): Promise<RawRow[]> => {
    const { sql: text, params } = batchSql(cursor, limit);
    const [rows] = await pool.query({ sql: text, rowsAsArray: true, dateStrings: true }, params);
    return rows as unknown as RawRow[];
  };
  async function* batches<T = RawRow[]>(
    size: number,
    encode: (rows: RawRow[]) => T | Promise<T> = (rows) => rows as T,
  ): AsyncGenerator<T> {
    // Set when the generator ends, the rows read or the reader gone: a batch read ahead for a
    // reader that stopped is then neither completed (no more statements) nor encoded.
    let stopped = false;
    const fetch = (cursor: Cursor | null): Fetched<T> => {
      const rows = read(cursor, size);
      // Where the next batch starts, from the row as read (`encode` may rewrite its cells).
      const next = rows.then((batch) => {
        const last = batch.length === size ? batch[batch.length - 1]! : undefined;
        return last ? { value: last[sortAt], id: Number(last[idAt]) } : null;
      });
      const batch = rows.then(async (read) =>
        read.length && !stopped ? await encode(await complete(read)) : null,
      );
      // Awaited in turn below; a batch read ahead for a reader that stopped fails unheard.
      next.catch(() => undefined);
      batch.catch(() => undefined);
      return { next, batch };
    };
    try {
      let current: Fetched<T> | null = fetch(null);
      while (current) {
        const cursor: Cursor | null = await current.next;
        // The next batch is read while this one is completed, encoded and written out.
        const following: Fetched<T> | null = cursor ? fetch(cursor) : null;
        const batch = await current.batch;
        if (batch !== null) yield batch;
        current = following;
      }
    } finally {
      stopped = true;
    }
  }
  return { batches, batchSql };
}

/** `nameColumn` of the rows of `table` with these ids, by id. */
async function namesOf(
  pool: Pool,
  table: string,
  nameColumn: string,
  ids: unknown[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id) => id !== null))];
  if (!wanted.length) return new Map();
  const [rows] = await pool.query(
    { sql: `SELECT id, ${nameColumn} FROM ${table} WHERE id IN (?)`, rowsAsArray: true },
    [wanted],
  );
  return new Map((rows as unknown as [number, string][]).map(([id, name]) => [id, name]));
}

async function counted(query: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await query;
  return row?.n ?? 0;
}

const descending = (sort: string) => sort.startsWith('-');

/** The SQL of each kind's export: what rows, in what order, read how. */
export function createExportRepository(db: Db, pool: Pool) {
  return {
    users({ format: _format, ids, sort, ...filter }: UserExportParams): ExportSource {
      const where = ids ? inArray(users.id, ids) : userFilter(filter);
      const name = sort.replace(/^-/, '') as 'id' | 'nickname' | 'createdAt' | 'lastLoginAt';
      const columns = {
        id: users.id,
        nickname: users.nickname,
        createdAt: users.createdAt,
        lastLoginAt: users.lastLoginAt,
      };
      const index = ids ? undefined : pageIndex(name, filter);
      const order: Order = {
        column: columns[name],
        id: users.id,
        desc: descending(sort),
        nullable: name === 'lastLoginAt',
      };
      const select = {
        id: users.id,
        nickname: users.nickname,
        status: users.status,
        deletedAt: users.deletedAt,
        createdAt: users.createdAt,
        lastLoginAt: users.lastLoginAt,
        lastLoginIp: users.lastLoginIp,
      };
      const positions = { id: 0, nickname: 1, createdAt: 4, lastLoginAt: 5 };
      return {
        count: () => counted(db.select({ n: count() }).from(users).where(where)),
        ...keyset(
          pool,
          (past, limit) =>
            db
              .select(select)
              .from(users, index ? { forceIndex: index } : undefined)
              .where(and(where, past))
              .orderBy(...orderBy(order))
              .limit(limit),
          order,
          { sortAt: positions[name], idAt: 0 },
        ),
      };
    },

    blogs({ format: _format, ids, sort, ...filter }: BlogExportParams): ExportSource {
      const where = ids ? inArray(blogs.id, ids) : blogFilter(filter);
      const byDate = sort.endsWith('pubDate');
      const order: Order = {
        column: byDate ? blogs.pubDate : blogs.id,
        id: blogs.id,
        desc: descending(sort),
        nullable: false,
      };
      // In publication order: within a state (not the trash), the public list's index.
      const index =
        !byDate || ids
          ? undefined
          : filter.status && filter.status !== 'trashed'
            ? 'blogs_visible_pub_idx'
            : 'blogs_pub_idx';
      const select = {
        id: blogs.id,
        title: blogs.title,
        authorId: blogs.authorId,
        status: blogs.status,
        featured: blogs.featured,
        pubDate: blogs.pubDate,
        viewCount: blogs.viewCount,
        commentCount: blogs.commentCount,
        createdAt: blogs.createdAt,
        updatedAt: blogs.updatedAt,
        deletedAt: blogs.deletedAt,
      };
      return {
        count: () => counted(db.select({ n: count() }).from(blogs).where(where)),
        ...keyset(
          pool,
          (past, limit) =>
            db
              .select(select)
              .from(blogs, index ? { forceIndex: index } : undefined)
              .where(and(where, past))
              .orderBy(...orderBy(order))
              .limit(limit),
          order,
          { sortAt: byDate ? 5 : 0, idAt: 0 },
          async (rows) => {
            const names = await namesOf(
              pool,
              'authors',
              'name',
              rows.map((r) => r[2]),
            );
            return rows.map((r) => insertAt(r, 3, names.get(r[2] as number) ?? null));
          },
        ),
      };
    },

    comments({ format: _format, ids, sort, ...filter }: CommentExportParams): ExportSource {
      const where = ids ? inArray(comments.id, ids) : commentFilter(filter);
      const order: Order = {
        column: comments.id,
        id: comments.id,
        desc: descending(sort),
        nullable: false,
      };
      const openReports = sql<number>`(SELECT COUNT(*) FROM ${commentReports}
        WHERE ${commentReports.resolvedAt} IS NULL AND ${commentReports.commentId} = ${comments.id})`;
      const select = {
        id: comments.id,
        blogId: comments.blogId,
        userId: comments.userId,
        parentId: comments.parentId,
        body: comments.body,
        deletedAt: comments.deletedAt,
        openReports,
        createdAt: comments.createdAt,
        editedAt: comments.editedAt,
      };
      return {
        count: () => counted(db.select({ n: count() }).from(comments).where(where)),
        ...keyset(
          pool,
          (past, limit) =>
            db
              .select(select)
              .from(comments)
              .where(and(where, past))
              .orderBy(...orderBy(order))
              .limit(limit),
          order,
          { sortAt: 0, idAt: 0 },
          async (rows) => {
            const [titles, nicknames] = await Promise.all([
              namesOf(
                pool,
                'blogs',
                'title',
                rows.map((r) => r[1]),
              ),
              namesOf(
                pool,
                'users',
                'nickname',
                rows.map((r) => r[2]),
              ),
            ]);
            return rows.map((r) =>
              insertAt(
                insertAt(r, 2, titles.get(r[1] as number) ?? null),
                4,
                nicknames.get(r[2] as number) ?? null,
              ),
            );
          },
        ),
      };
    },

    audit({ format: _format, ids, ...filter }: AuditExportParams): ExportSource {
      const where = ids ? inArray(auditLog.id, ids) : auditFilter(filter);
      const order: Order = { column: auditLog.at, id: auditLog.id, desc: true, nullable: false };
      // Newest first through the index of the filter that narrows it, as the list reads.
      const index = ids
        ? undefined
        : filter.action
          ? 'audit_action_at_idx'
          : filter.actorId !== undefined
            ? 'audit_actor_at_idx'
            : filter.targetType && filter.targetId !== undefined
              ? 'audit_target_at_idx'
              : 'audit_at_idx';
      const select = {
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        actorId: auditLog.actorId,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        ip: auditLog.ip,
        userAgent: auditLog.userAgent,
        before: auditLog.before,
        after: auditLog.after,
      };
      return {
        count: () => counted(db.select({ n: count() }).from(auditLog).where(where)),
        ...keyset(
          pool,
          (past, limit) =>
            db
              .select(select)
              .from(auditLog, index ? { forceIndex: index } : undefined)
              .where(and(where, past))
              .orderBy(...orderBy(order))
              .limit(limit),
          order,
          { sortAt: 1, idAt: 0 },
          async (rows) => {
            const actors = await namesOf(
              pool,
              'users',
              'nickname',
              rows.map((r) => r[3]),
            );
            return rows.map((r) =>
              insertAt(r, 4, r[3] === null ? null : (actors.get(r[3] as number) ?? null)),
            );
          },
        ),
      };
    },
  };
}

export type ExportRepository = ReturnType<typeof createExportRepository>;
