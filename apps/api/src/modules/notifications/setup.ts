import type { Redis } from 'ioredis';
import type { Config } from '../../config';
import { databaseName, type Db } from '../../db/connection';
import type { CountCache } from '../../lib/count-cache';
import { createLiveHub } from './live';
import { createNotificationRepository } from './repository';
import { createNotificationService } from './service';

/**
 * The notification service with its live hub, as the API and the events process (src/events.ts)
 * both make it: one Redis channel per database, so processes on one Redis reach each other.
 */
export function createNotifications(
  config: Pick<Config, 'DATABASE_URL' | 'SSE_HEARTBEAT_MS' | 'EVENTS_TICKET_TTL_SECONDS'>,
  deps: {
    db: Db;
    redis: Redis;
    counts: CountCache;
    aliveSessions: (sids: string[]) => Promise<Set<string>>;
    log: { warn: (obj: object, msg: string) => void };
  },
) {
  const { db, redis, counts, aliveSessions, log } = deps;
  const hub = createLiveHub({
    redis,
    channel: `live:${databaseName(config.DATABASE_URL)}`,
    heartbeatMs: config.SSE_HEARTBEAT_MS,
    aliveSessions,
    log,
  });
  return createNotificationService({
    repo: createNotificationRepository(db),
    counts,
    redis,
    hub,
    ticketTtlSeconds: config.EVENTS_TICKET_TTL_SECONDS,
    log,
  });
}
