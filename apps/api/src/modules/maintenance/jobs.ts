import { Queue, Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { createStorage } from '../../lib/storage';
import { CountCache } from '../../lib/count-cache';
import { createRedis } from '../../lib/redis';
import {
  PUBLISH_BLOG,
  PUBLISH_DUE_BLOGS,
  PUBLISH_DUE_EVERY_MS,
  PURGE_TRASH,
  PURGE_TRASH_EVERY_MS,
  publishDueBlogs,
  purgeTrashedBlogs,
  runPublishJob,
} from '../blogs/publish';
import { createAuditLog } from '../audit/service';
import { createBlogRepository } from '../blogs/repository';
import { createBlogViews, FLUSH_VIEWS, FLUSH_VIEWS_EVERY_MS } from '../blogs/views';
import { deriveKey } from '../../lib/keys';
import { bullConnection } from '../messaging/queue';
import { createMroongaIndex } from '../search/mroonga';
import { createUploadRepository } from '../uploads/repository';
import { createUploadService } from '../uploads/service';
import { createUserRepository } from '../users/repository';
import { purgeStalePendingAccounts } from './purge';
import { databaseOwner, sweepStrayAvatars } from './sweep-avatars';

export const MAINTENANCE_QUEUE = 'maintenance';
export const PURGE_PENDING_ACCOUNTS = 'purge-pending-accounts';
export const PURGE_EVERY_MS = 3_600_000;
export const SWEEP_AVATARS = 'sweep-stray-avatars';
export const SWEEP_AVATARS_EVERY_MS = 3_600_000;
export const PURGE_UPLOADS = 'purge-unreferenced-uploads';
export const PURGE_UPLOADS_EVERY_MS = 3_600_000;
export const PRUNE_AUDIT = 'prune-audit-log';
export const PRUNE_AUDIT_EVERY_MS = 86_400_000;

/**
 * Scheduled clean-ups: registers their job schedulers (idempotent, so every worker process may
 * do it) and runs the jobs. BullMQ hands each job to one worker, however many processes run.
 */
export async function startMaintenance(config: Config, db: Db, log: FastifyBaseLogger) {
  const connection = bullConnection(config.REDIS_URL);
  const storage = await createStorage(config);
  const uploads = createUploadService({
    uploads: createUploadRepository(db),
    users: createUserRepository(db),
    storage,
    config,
  });
  // Jobs that change blogs drop the cached lists (blogListsChanged) through their own connection.
  const redis = createRedis(config.REDIS_URL);
  redis.on('error', (err) => log.warn({ err }, 'maintenance redis error'));
  await redis.connect();
  const counts = new CountCache(redis, config.DATABASE_URL, log);
  const index = createMroongaIndex(db);
  const blogRepo = createBlogRepository(db);
  const views = createBlogViews({
    redis,
    databaseUrl: config.DATABASE_URL,
    visitorKey: deriveKey(config.JWT_SECRET, 'view-visitor'),
  });
  const queue = new Queue(MAINTENANCE_QUEUE, { connection });
  queue.on('error', (err) => log.warn({ err }, 'maintenance queue error'));
  const worker = new Worker(
    MAINTENANCE_QUEUE,
    async (job) => {
      switch (job.name) {
        case PURGE_PENDING_ACCOUNTS: {
          const purged = await purgeStalePendingAccounts(db);
          log.info({ job: job.name, purged }, 'purged stale pending accounts');
          return { purged };
        }
        case SWEEP_AVATARS: {
          const removed = await sweepStrayAvatars(db, storage, databaseOwner(config.DATABASE_URL));
          log.info({ job: job.name, removed }, 'swept stray avatar files');
          return { removed };
        }
        case PURGE_UPLOADS: {
          const purged = await uploads.purgeUnreferenced();
          const swept = await uploads.sweepStrayFiles(databaseOwner(config.DATABASE_URL));
          log.info({ job: job.name, purged, swept }, 'purged unreferenced uploads');
          return { purged, swept };
        }
        case PUBLISH_BLOG: {
          const published = await runPublishJob(
            db,
            counts,
            index,
            (job.data as { blogId: number }).blogId,
          );
          log.info({ job: job.name, published }, 'published scheduled blogs');
          return { published };
        }
        case PUBLISH_DUE_BLOGS: {
          const published = await publishDueBlogs(db, counts, index);
          if (published) log.info({ job: job.name, published }, 'published overdue blogs');
          return { published };
        }
        case PURGE_TRASH: {
          const purged = await purgeTrashedBlogs(db, counts, index, {
            // A purged blog's pictures are no longer used: the uploads purge takes them a day on.
            onPurged: async (ids) => {
              for (const id of ids) await uploads.setReferences('blog', id, []);
            },
          });
          log.info({ job: job.name, purged }, 'purged old trashed blogs');
          return { purged };
        }
        case PRUNE_AUDIT: {
          const pruned = await createAuditLog(db).prune(config.AUDIT_RETENTION_DAYS);
          log.info({ job: job.name, pruned }, 'pruned the audit log');
          return { pruned };
        }
        case FLUSH_VIEWS: {
          // Not blogListsChanged: rendered answers show the new counts when they expire (60 s).
          const written = await views.flush((batch) => blogRepo.addViews(batch));
          if (written) log.info({ job: job.name, written }, 'wrote blog views back');
          return { written };
        }
        default:
          throw new Error(`unknown maintenance job ${job.name}`);
      }
    },
    { connection, concurrency: 1 },
  );
  worker.on('failed', (job, err) => log.warn({ err, job: job?.name }, 'maintenance job failed'));
  worker.on('error', (err) => log.warn({ err }, 'maintenance worker error'));
  try {
    for (const [name, every] of [
      [PURGE_PENDING_ACCOUNTS, PURGE_EVERY_MS],
      [SWEEP_AVATARS, SWEEP_AVATARS_EVERY_MS],
      [PURGE_UPLOADS, PURGE_UPLOADS_EVERY_MS],
      [PUBLISH_DUE_BLOGS, PUBLISH_DUE_EVERY_MS],
      [PURGE_TRASH, PURGE_TRASH_EVERY_MS],
      [FLUSH_VIEWS, FLUSH_VIEWS_EVERY_MS],
      [PRUNE_AUDIT, PRUNE_AUDIT_EVERY_MS],
    ] as const) {
      await queue.upsertJobScheduler(
        name,
        { every },
        { name, opts: { removeOnComplete: 100, removeOnFail: 100 } },
      );
    }
  } catch (err) {
    await Promise.allSettled([worker.close(), queue.close()]);
    storage.close();
    redis.disconnect();
    throw err;
  }
  return {
    queue,
    worker,
    async close() {
      await worker.close();
      await queue.close();
      storage.close();
      redis.disconnect();
    },
  };
}
