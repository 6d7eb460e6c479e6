import type {
  AuditAction,
  AuditEntry,
  AuditFilterValue,
  AuditListParams,
  AuditPage,
  AuditTarget,
} from '@folio/schema';
import { LIMITS } from '@folio/schema';
import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { auditLog, users } from '../../db/schema';
import { pageCount, withinDays } from '../../lib/sql';

/** Who did it and from where: what a route knows of its request. */
export interface AuditContext {
  actorId: number | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEvent {
  action: AuditAction;
  target?: { type: AuditTarget; id: number | string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** The context of a request: its user (once authenticated), its address and user agent. */
export function auditContextOf(request: {
  auth: { userId: number } | null;
  ip: string;
  headers: Record<string, string | string[] | undefined>;
}): AuditContext {
  const agent = request.headers['user-agent'];
  return {
    actorId: request.auth?.userId ?? null,
    ip: request.ip || null,
    userAgent: typeof agent === 'string' ? agent.slice(0, LIMITS.userAgent) : null,
  };
}

export function auditFilter(filter: AuditFilterValue): SQL | undefined {
  const { action, actorId, targetType, targetId, from, to } = filter;
  return and(
    action && eq(auditLog.action, action),
    actorId !== undefined ? eq(auditLog.actorId, actorId) : undefined,
    targetType && eq(auditLog.targetType, targetType),
    targetId !== undefined ? eq(auditLog.targetId, targetId) : undefined,
    withinDays(auditLog.at, from, to),
  );
}

/** Rows the retention job deletes per statement. */
export const PRUNE_BATCH = 1_000;

/**
 * The audit log: staff's actions (with the fields before and after) and security events. The API
 * only appends to it; `prune` drops what is older than the retention.
 */
export function createAuditLog(db: Db) {
  return {
    async record(context: AuditContext, ...events: AuditEvent[]): Promise<void> {
      if (!events.length) return;
      await db.insert(auditLog).values(
        events.map((event) => ({
          action: event.action,
          actorId: context.actorId,
          targetType: event.target?.type ?? null,
          targetId: event.target ? String(event.target.id) : null,
          ip: context.ip,
          userAgent: context.userAgent,
          before: event.before ?? null,
          after: event.after ?? null,
        })),
      );
    },

    async list(params: AuditListParams): Promise<AuditPage> {
      const { page, perPage, ...filter } = params;
      const where = auditFilter(filter);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(perPage)
          .offset((page - 1) * perPage),
        db.select({ n: count() }).from(auditLog).where(where),
      ]);
      const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
      const actors = actorIds.length
        ? await db
            .select({ id: users.id, nickname: users.nickname })
            .from(users)
            .where(inArray(users.id, actorIds))
        : [];
      const items: AuditEntry[] = rows.map((row) => ({
        id: row.id,
        action: row.action,
        actor: row.actorId
          ? (actors.find((a) => a.id === row.actorId) ?? { id: row.actorId, nickname: '' })
          : null,
        targetType: row.targetType,
        targetId: row.targetId,
        before: row.before ?? null,
        after: row.after ?? null,
        ip: row.ip,
        userAgent: row.userAgent,
        at: row.at.toISOString(),
      }));
      const n = total?.n ?? 0;
      return { items, page, perPage, total: n, pages: pageCount(n, perPage) };
    },

    /** Deletes the entries older than `days`, PRUNE_BATCH at a time; returns how many. */
    async prune(days: number, now = new Date()): Promise<number> {
      const cutoff = new Date(now.getTime() - days * 86_400_000);
      let pruned = 0;
      for (;;) {
        const [result] = await db.execute(
          sql`DELETE FROM ${auditLog} WHERE ${auditLog.at} < ${cutoff} ORDER BY ${auditLog.id} LIMIT ${PRUNE_BATCH}`,
        );
        const affected = (result as unknown as { affectedRows: number }).affectedRows;
        pruned += affected;
        if (affected < PRUNE_BATCH) return pruned;
      }
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
