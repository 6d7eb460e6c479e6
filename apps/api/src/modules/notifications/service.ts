import { randomBytes } from 'node:crypto';
import {
  LIMITS,
  type CommentNotice,
  type EventTicket,
  type LiveNotificationData,
  type NotificationListParams,
  type NotificationPage,
} from '@folio/schema';
import type { Redis } from 'ioredis';
import type { CountCache } from '../../lib/count-cache';
import { AppError } from '../../lib/errors';
import type { AuthContext } from '../sessions/service';
import type { LiveHub } from './live';
import type { NotificationRepository, NotificationRow } from './repository';

export interface NotificationServiceDeps {
  repo: NotificationRepository;
  counts: CountCache;
  redis: Redis;
  hub: LiveHub;
  ticketTtlSeconds: number;
  log: { warn: (obj: object, msg: string) => void };
}

/** A reconnecting stream gets at most this many missed notifications; the list has the rest. */
export const REPLAY_LIMIT = 100;
const ticketKey = (ticket: string) => `sse-ticket:${ticket}`;
/** Each person's totals are one scope of the count cache: any write to their rows drops both. */
const scopeOf = (userId: number) => `notifications:${userId}`;

export const liveData = (row: NotificationRow, unread: number): LiveNotificationData => ({
  id: row.id,
  type: row.type,
  actor: row.actor,
  blog: row.blog,
  blogId: row.blog.id,
  commentId: row.commentId,
  excerpt: row.excerpt,
  createdAt: row.createdAt,
  unread,
});

const shown = ({ userId: _userId, ...notification }: NotificationRow) => notification;

export function createNotificationService(deps: NotificationServiceDeps) {
  const { repo, counts, redis, hub, log } = deps;

  const unread = (userId: number) =>
    counts.get(scopeOf(userId), 'unread', () => repo.unread(userId));
  const changed = (...userIds: number[]) => counts.invalidate(...userIds.map(scopeOf));

  return {
    /**
     * What the comments service calls with the people to tell about a comment. A notice to the
     * comment's own writer is dropped, and one person is told once per comment (the first notice
     * given wins: a reply that also mentions the person is one reply). All are stored in one
     * statement, then each is pushed to its person's open streams in every API process.
     */
    async notify(notices: CommentNotice[]): Promise<number[]> {
      const seen = new Set<string>();
      const kept = notices
        .filter((n) => n.userId !== n.actorUserId)
        .filter((n) => {
          const key = `${n.userId}:${n.commentId}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .map((n) => ({
          ...n,
          excerpt: [...n.excerpt].slice(0, LIMITS.notificationExcerpt).join(''),
        }));
      if (kept.length === 0) return [];
      const ids = await repo.insertMany(kept);
      const people = [...new Set(kept.map((n) => n.userId))];
      await changed(...people);
      // Stored is what counts: a push that fails is found by the list and a reconnect's replay.
      try {
        const rows = await repo.byIds(ids);
        const totals = new Map(
          await Promise.all(people.map(async (p) => [p, await unread(p)] as const)),
        );
        await Promise.all(
          rows.map((row) =>
            hub.publish({
              userId: row.userId,
              event: 'notification',
              id: row.id,
              data: liveData(row, totals.get(row.userId) ?? 0),
            }),
          ),
        );
      } catch (err) {
        log.warn({ err }, 'could not push notifications live');
      }
      return ids;
    },

    async list(userId: number, query: NotificationListParams): Promise<NotificationPage> {
      const [rows, total, unreadCount] = await Promise.all([
        repo.page(userId, query.page, query.perPage),
        counts.get(scopeOf(userId), 'total', () => repo.total(userId)),
        unread(userId),
      ]);
      return {
        items: rows.map(shown),
        page: query.page,
        perPage: query.perPage,
        total,
        pages: Math.ceil(total / query.perPage),
        unread: unreadCount,
      };
    },

    unread,

    async markRead(userId: number, id: number): Promise<number> {
      if (!(await repo.markRead(userId, id))) throw new AppError('NOT_FOUND');
      await changed(userId);
      return unread(userId);
    },

    async markAllRead(userId: number): Promise<number> {
      await repo.markAllRead(userId);
      await changed(userId);
      return unread(userId);
    },

    async remove(userId: number, id: number): Promise<number> {
      if (!(await repo.remove(userId, id))) throw new AppError('NOT_FOUND');
      await changed(userId);
      return unread(userId);
    },

    /** A ticket that opens one event stream for this session, once, within the TTL. */
    async ticket(auth: AuthContext): Promise<EventTicket> {
      const ticket = randomBytes(24).toString('base64url');
      await redis.set(ticketKey(ticket), JSON.stringify(auth), 'EX', deps.ticketTtlSeconds);
      return { ticket, expiresIn: deps.ticketTtlSeconds };
    },

    /** Who a ticket was issued to; it is used up by this. */
    async redeem(ticket: string | undefined): Promise<AuthContext> {
      const raw = ticket ? await redis.getdel(ticketKey(ticket)) : null;
      if (!raw) throw new AppError('UNAUTHENTICATED', { location: '/login' });
      return JSON.parse(raw) as AuthContext;
    },

    /** What a stream missed after `afterId`, oldest first, with the unread count now. */
    async replay(userId: number, afterId: number) {
      const rows = await repo.after(userId, afterId, REPLAY_LIMIT);
      if (rows.length === 0) return [];
      const unreadCount = await unread(userId);
      return rows.map((row) => ({
        event: 'notification',
        id: row.id,
        data: liveData(row, unreadCount),
      }));
    },

    hub,
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
