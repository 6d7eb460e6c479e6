import fp from 'fastify-plugin';
import { CountCache } from '../lib/count-cache';
import { createLinkTokens, type LinkTokens } from '../lib/link-tokens';
import { createPasswordHasher, type PasswordHasher } from '../lib/passwords';
import { createSmsCodes, type SmsCodes } from '../modules/auth/sms-codes';
import { createCaptchaService, type CaptchaService } from '../modules/captcha/service';
import { startBackgroundWork } from '../modules/maintenance/background';
import { createNotifier, type Notifier } from '../modules/notifications/queue';
import { createUserRepository, type UserRepository } from '../modules/users/repository';

declare module 'fastify' {
  interface FastifyInstance {
    counts: CountCache;
    users: UserRepository;
    passwords: PasswordHasher;
    captcha: CaptchaService;
    linkTokens: LinkTokens;
    notifier: Notifier;
    smsCodes: SmsCodes;
  }
}

/** Services the account modules share, made once per app. */
export default fp(
  async (app) => {
    app.decorate('counts', new CountCache(app.redis, app.config.DATABASE_URL, app.log));
    app.decorate('users', createUserRepository(app.db));
    app.decorate(
      'passwords',
      createPasswordHasher({
        memoryKiB: app.config.ARGON2_MEMORY_KIB,
        timeCost: app.config.ARGON2_TIME_COST,
      }),
    );
    app.decorate('captcha', createCaptchaService(app.redis));
    app.decorate('linkTokens', createLinkTokens(app, app.redis));
    const notifier = createNotifier(app.config.REDIS_URL, app.log, {
      backoffMs: app.config.NOTIFY_BACKOFF_MS,
    });
    app.decorate('notifier', notifier);
    app.decorate(
      'smsCodes',
      createSmsCodes(app.redis, notifier, {
        countries: app.config.SMS_COUNTRIES,
        hourlyBudget: app.config.SMS_HOURLY_BUDGET,
        log: app.log,
      }),
    );
    // With Redis down there is nothing to work on; the server refuses to start that way anyway.
    const worker =
      app.config.RUN_WORKER && app.redis.status === 'ready'
        ? await startBackgroundWork(app.config, app.db, app.log)
        : null;
    app.addHook('onClose', async () => {
      await worker?.close();
      await notifier.close();
    });
  },
  { name: 'services', dependencies: ['config', 'db', 'redis', 'auth'] },
);
