import { COMMENT_REPORT_REASONS, LIMITS } from '@folio/schema';
import { index, int, mysqlEnum, mysqlTable, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { comments } from './comments';
import { createdAt, utcDatetime } from './columns';
import { users } from './users';

/**
 * Readers' reports of comments, one per reader and comment. A report is open until staff resolve
 * it (deleting the comment, or dismissing its reports); the moderation queue lists comments
 * with open reports.
 */
export const commentReports = mysqlTable(
  'comment_reports',
  {
    id: int('id', { unsigned: true }).autoincrement().primaryKey(),
    commentId: int('comment_id', { unsigned: true })
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: int('reporter_id', { unsigned: true })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: mysqlEnum('reason', COMMENT_REPORT_REASONS).notNull(),
    note: varchar('note', { length: LIMITS.reportNote }).notNull().default(''),
    createdAt: createdAt(),
    resolvedAt: utcDatetime('resolved_at'),
    resolvedBy: int('resolved_by', { unsigned: true }).references(() => users.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [
    uniqueIndex('comment_reports_reporter_uq').on(t.commentId, t.reporterId),
    // The queue (open reports per comment) and a comment's open reports.
    index('comment_reports_open_idx').on(t.resolvedAt, t.commentId),
  ],
);
