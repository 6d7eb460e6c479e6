import type { DailyStats, StatsParams, StatsSummary } from '@folio/schema';
import { and, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import type { Db } from '../../db/connection';
import { auditLog, authors, blogs, comments, users } from '../../db/schema';
import { dayIn, lastDays, startOfDay } from './days';

const TOP_AUTHORS = 10;

/**
 * The admin dashboard's numbers, counted by SQL over indexed columns (never rows loaded): totals,
 * and per day in the viewer's time zone. A day's rows are told apart by the instants the zone's
 * days begin (`INTERVAL` over them), so days across a change of offset stay right.
 */
export function createStatsService(db: Db) {
  const published = and(eq(blogs.status, 'published'), isNull(blogs.deletedAt));

  /** Rows per day: counts by the index of the day each falls in. */
  async function perDay(
    table: MySqlTable,
    column: MySqlColumn,
    starts: number[],
    end: number,
    where?: SQL,
  ): Promise<number[]> {
    const bounds = starts.slice(1).map((ms) => sql`${ms / 1000}`);
    const bucket = bounds.length
      ? sql<number>`INTERVAL(UNIX_TIMESTAMP(${column}), ${sql.join(bounds, sql`, `)})`
      : sql<number>`0`;
    const rows = await db
      .select({ bucket, n: count() })
      .from(table)
      .where(and(gte(column, new Date(starts[0]!)), lt(column, new Date(end)), where))
      .groupBy(bucket);
    const counts = starts.map(() => 0);
    for (const row of rows) counts[Number(row.bucket)] = row.n;
    return counts;
  }

  async function total(table: MySqlTable, where?: SQL): Promise<number> {
    const [row] = await db.select({ n: count() }).from(table).where(where);
    return row?.n ?? 0;
  }

  return {
    async summary(tz: string, now = Date.now()): Promise<StatsSummary> {
      const today = new Date(startOfDay(dayIn(now, tz), tz));
      const [allUsers, newUsersToday, allBlogs, allComments, loginsToday] = await Promise.all([
        total(users, isNull(users.deletedAt)),
        total(users, gte(users.createdAt, today)),
        total(blogs, published),
        total(comments, isNull(comments.deletedAt)),
        total(auditLog, and(eq(auditLog.action, 'login'), gte(auditLog.at, today))),
      ]);
      return {
        users: allUsers,
        newUsersToday,
        blogs: allBlogs,
        comments: allComments,
        loginsToday,
      };
    },

    async daily({ days: count_, tz }: StatsParams, now = Date.now()): Promise<DailyStats> {
      const { days, starts, end } = lastDays(count_, tz, now);
      const [registrations, blogCounts, commentCounts, logins, top] = await Promise.all([
        perDay(users, users.createdAt, starts, end),
        perDay(blogs, blogs.pubDate, starts, end, published),
        perDay(comments, comments.createdAt, starts, end),
        perDay(auditLog, auditLog.at, starts, end, eq(auditLog.action, 'login')),
        db
          .select({ id: blogs.authorId, blogs: count() })
          .from(blogs)
          .where(
            and(
              published,
              gte(blogs.pubDate, new Date(starts[0]!)),
              lt(blogs.pubDate, new Date(end)),
            ),
          )
          .groupBy(blogs.authorId)
          .orderBy(desc(count()), blogs.authorId)
          .limit(TOP_AUTHORS),
      ]);
      const names = top.length
        ? await db
            .select({ id: authors.id, name: authors.name })
            .from(authors)
            .where(
              inArray(
                authors.id,
                top.map((t) => t.id),
              ),
            )
        : [];
      return {
        tz,
        days: days.map((date, i) => ({
          date,
          registrations: registrations[i]!,
          blogs: blogCounts[i]!,
          comments: commentCounts[i]!,
          logins: logins[i]!,
        })),
        topAuthors: top.map((t) => ({
          id: t.id,
          name: names.find((n) => n.id === t.id)?.name ?? '',
          blogs: t.blogs,
        })),
      };
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
