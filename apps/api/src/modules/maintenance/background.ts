import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { startNotificationWorker } from '../messaging/worker';
import { startMaintenance } from './jobs';

/**
 * Everything the background worker does: deliver mail and SMS, and run the scheduled clean-ups.
 * `src/worker.ts` runs it as its own process; the API runs it in-process when RUN_WORKER is on.
 */
export async function startBackgroundWork(config: Config, db: Db, log: FastifyBaseLogger) {
  const messaging = startNotificationWorker(config, db, log);
  const maintenance = await startMaintenance(config, db, log).catch(async (err: unknown) => {
    await messaging.close();
    throw err;
  });
  return {
    async close() {
      await Promise.all([messaging.close(), maintenance.close()]);
    },
  };
}

export type BackgroundWork = Awaited<ReturnType<typeof startBackgroundWork>>;
