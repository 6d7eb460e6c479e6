import type { Locale } from '@folio/schema';
import { Queue, type ConnectionOptions } from 'bullmq';
import { queueKey, sealMessage, type SealedMessage } from './sealed';
import { render, type TemplateName } from './templates';

/** The queue keeps its first name so jobs queued before the module was renamed are still delivered. */
export const MESSAGING_QUEUE = 'notifications';
/** Tries per message before it is given up (and kept among the failed jobs). */
export const NOTIFY_ATTEMPTS = 5;

/**
 * How long finished jobs stay in Redis (sealed, but still no reason to keep them): the outbox or
 * the provider is the record of what was sent. BullMQ trims when a later job finishes.
 */
export const KEEP_COMPLETED = { age: 15 * 60, count: 1_000 };
export const KEEP_FAILED = { age: 24 * 3600, count: 1_000 };

/** BullMQ connection settings from a redis:// URL (BullMQ keeps its own connections). */
export function bullConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: Number(url.pathname.slice(1) || 0),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

export interface Notifier {
  /**
   * Renders a template in the reader's locale, with the site's name as it is now (`{site}`), and
   * queues it; the worker delivers it, with retries.
   */
  send(
    template: TemplateName,
    to: string,
    locale: Locale,
    params: Record<string, string | number>,
  ): Promise<void>;
  close(): Promise<void>;
}

export function createNotifier(
  redisUrl: string,
  log: { warn: (obj: object, msg: string) => void },
  {
    secret,
    backoffMs = 2_000,
    siteName,
  }: { secret: string; backoffMs?: number; siteName: () => Promise<string> },
): Notifier {
  const key = queueKey(secret);
  // Made on first use: most requests send nothing, and an app with Redis down should not spin.
  let queue: Queue<SealedMessage> | undefined;
  const open = () => {
    if (queue) return queue;
    queue = new Queue<SealedMessage>(MESSAGING_QUEUE, {
      connection: bullConnection(redisUrl),
      defaultJobOptions: {
        attempts: NOTIFY_ATTEMPTS,
        // backoffMs, then twice that, and so on: 2, 4, 8, 16 s with the default.
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      },
    });
    queue.on('error', (err) => log.warn({ err }, 'notification queue error'));
    return queue;
  };
  return {
    async send(template, to, locale, params) {
      const message = render(template, locale, to, { site: await siteName(), ...params });
      await open().add(template, sealMessage(key, message));
    },
    close: async () => {
      await queue?.close();
    },
  };
}
