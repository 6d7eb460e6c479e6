import { Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { bullConnection, NOTIFICATIONS_QUEUE, NOTIFY_ATTEMPTS } from './queue';
import type { RenderedMessage } from './templates';
import { maskRecipient, transportsFor, type Transport } from './transports';

/**
 * Why a delivery failed, fit for a log line: the error's message with any address in it masked.
 * Bodies never get here (transports do not put them in their errors), and neither do codes or links.
 */
function failureReason(err: unknown) {
  const e = err as { message?: string; code?: string; responseCode?: number };
  return {
    reason: String(e.message ?? err)
      .replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, (address) => maskRecipient(address))
      .slice(0, 300),
    ...(e.code && { code: e.code }),
    ...(e.responseCode && { responseCode: e.responseCode }),
  };
}

/** Delivers queued mail and SMS; a failed delivery is retried by BullMQ with backoff. */
export function startNotificationWorker(
  config: Config,
  db: Db,
  log: FastifyBaseLogger,
  transports: Record<'email' | 'sms', Transport> = transportsFor(config, db),
) {
  // The recipient masked, the template, the channel: never the body, which carries codes and links.
  const describe = (data: RenderedMessage, template: string, attempt: number) => ({
    channel: data.channel,
    template,
    transport: transports[data.channel].name,
    to: maskRecipient(data.to),
    attempt,
  });
  const worker = new Worker<RenderedMessage>(
    NOTIFICATIONS_QUEUE,
    async (job) => {
      await transports[job.data.channel].deliver(job.data);
      log.info(describe(job.data, job.name, job.attemptsMade + 1), 'notification sent');
    },
    { connection: bullConnection(config.REDIS_URL), concurrency: 4 },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? NOTIFY_ATTEMPTS;
    log.warn(
      {
        ...describe(job.data, job.name, job.attemptsMade),
        ...failureReason(err),
        willRetry: job.attemptsMade < attempts,
      },
      'notification delivery failed',
    );
  });
  worker.on('error', (err) => log.warn(failureReason(err), 'notification worker error'));
  return {
    worker,
    async close() {
      await worker.close();
      await Promise.all(Object.values(transports).map((t) => t.close?.()));
    },
  };
}
