import { and, gte, lt, type SQL } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';

/** A LIKE pattern that finds `text` anywhere, with `%`, `_` and `\` matching themselves. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function pageCount(total: number, perPage: number): number {
  return Math.ceil(total / perPage);
}

/** Whether a write failed on a unique key (MariaDB's ER_DUP_ENTRY, however deep drizzle wrapped it). */
export function isDuplicate(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === 'ER_DUP_ENTRY') return true;
  }
  return false;
}

/**
 * `column` within the UTC days `from` to `to`, both included (either may be absent): what the
 * admin tables' date filters mean.
 */
export function withinDays(column: MySqlColumn, from?: string, to?: string): SQL | undefined {
  const start = (day: string) => new Date(`${day}T00:00:00Z`);
  return and(
    from ? gte(column, start(from)) : undefined,
    to ? lt(column, new Date(start(to).getTime() + 86_400_000)) : undefined,
  );
}
