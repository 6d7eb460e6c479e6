import { Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { bullConnection, NOTIFICATIONS_QUEUE } from './queue';
import type { RenderedMessage } from './templates';
import { outboxTransport, type Transport } from './transports';

/** The transports the configuration asks for, one per channel. */
export function transportsFor(config: Config, db: Db): Record<'email' | 'sms', Transport> {
  const outbox = outboxTransport(db);
  return { email: outbox, sms: outbox };
}

/** Delivers queued mail and SMS; a failed delivery is retried by BullMQ with backoff. */
export function startNotificationWorker(config: Config, db: Db, log: FastifyBaseLogger) {
  const transports = transportsFor(config, db);
  const worker = new Worker<RenderedMessage>(
    NOTIFICATIONS_QUEUE,
    async (job) => {
      await transports[job.data.channel].deliver(job.data);
    },
    { connection: bullConnection(config.REDIS_URL), concurrency: 4 },
  );
  worker.on('failed', (job, err) => {
    log.warn({ err, jobId: job?.id, attempts: job?.attemptsMade }, 'notification delivery failed');
  });
  worker.on('error', (err) => log.warn({ err }, 'notification worker error'));
  return {
    worker,
    async close() {
      await worker.close();
      await Promise.all(Object.values(transports).map((t) => t.close?.()));
    },
  };
}
