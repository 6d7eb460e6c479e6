import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { bullConnection, MESSAGING_QUEUE, NOTIFY_ATTEMPTS } from './queue';
import { openMessage, queueKey, UnsealError, type SealedMessage } from './sealed';
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
  const key = queueKey(config.JWT_SECRET);
  const open = (sealed: SealedMessage) => {
    try {
      return openMessage(key, sealed);
    } catch (err) {
      // Another secret will not open it on a later try either.
      if (err instanceof UnsealError) throw new UnrecoverableError(err.message);
      throw err;
    }
  };
  // The recipient masked, the template, the channel: never the body, which carries codes and links.
  const describe = (message: RenderedMessage | null, job: Job, attempt: number) => ({
    ...(message && {
      channel: message.channel,
      transport: transports[message.channel].name,
      to: maskRecipient(message.to),
    }),
    template: job.name,
    jobId: job.id,
    attempt,
  });
  const worker = new Worker<SealedMessage>(
    MESSAGING_QUEUE,
    async (job) => {
      const message = open(job.data);
      await transports[message.channel].deliver(message);
      log.info(describe(message, job, job.attemptsMade + 1), 'notification sent');
    },
    { connection: bullConnection(config.REDIS_URL), concurrency: 4 },
  );
  worker.on('failed', (job, err) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? NOTIFY_ATTEMPTS;
    let message: RenderedMessage | null = null;
    try {
      message = openMessage(key, job.data);
    } catch {
      // The reason below says why it could not be opened.
    }
    log.warn(
      {
        ...describe(message, job, job.attemptsMade),
        ...failureReason(err),
        willRetry: !(err instanceof UnrecoverableError) && job.attemptsMade < attempts,
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
