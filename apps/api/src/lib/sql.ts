import { and, gte, lt, sql, type Placeholder, type SQL } from 'drizzle-orm';
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
export function withinDays(
  column: MySqlColumn,
  from?: string,
  to?: string,
  bind: Bind = asValue,
): SQL | undefined {
  const start = (day: string) => new Date(`${day}T00:00:00Z`);
  return and(
    from ? gte(column, bind('from', start(from), column)) : undefined,
    to ? lt(column, bind('to', new Date(start(to).getTime() + 86_400_000), column)) : undefined,
  );
}

/**
 * How a filter puts a value in its SQL: as the value itself (`asValue`), or as a named placeholder
 * of a prepared statement, which is built once and then run with the values (`placeholders`).
 * `column`: the column compared with, whose mapping a placeholder's value gets (drizzle maps a
 * plain value by its column, but not a placeholder's).
 */
export type Bind = <T>(name: string, value: T, column?: MySqlColumn) => T | Placeholder;

export const asValue: Bind = (_name, value) => value;

/** A Bind that makes placeholders; `values` gets each value and `names` the order they came in. */
export function placeholders(): {
  bind: Bind;
  values: Record<string, unknown>;
  names: string[];
} {
  const values: Record<string, unknown> = {};
  const names: string[] = [];
  const bind: Bind = (name, value, column) => {
    values[name] = column ? column.mapToDriverValue(value) : value;
    names.push(name);
    return sql.placeholder(name);
  };
  return { bind, values, names };
}
