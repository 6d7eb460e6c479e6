import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { localDemoNotice, type Config } from './config';
import { loggerOptions, RequestLogController } from './lib/logger';
import { responseSerializerCompiler } from './lib/serializer';
import authRoutes from './modules/auth/routes';
import authorRoutes from './modules/authors/routes';
import captchaRoutes from './modules/captcha/routes';
import blogRoutes from './modules/blogs/routes';
import commentRoutes from './modules/comments/routes';
import healthRoutes from './modules/health/routes';
import oauthRoutes from './modules/oauth/routes';
import meRoutes from './modules/me/routes';
import notificationRoutes from './modules/notifications/routes';
import adminContentRoutes from './modules/admin-content/routes';
import adminUserRoutes from './modules/admin-users/routes';
import auditRoutes from './modules/audit/routes';
import outboxRoutes from './modules/outbox/routes';
import exportRoutes from './modules/exports/routes';
import roleRoutes from './modules/roles/routes';
import searchRoutes from './modules/search/routes';
import settingsRoutes from './modules/settings/routes';
import statsRoutes from './modules/stats/routes';
import syndicationRoutes from './modules/syndication/routes';
import uploadRoutes from './modules/uploads/routes';
import authPlugin from './plugins/app/auth';
import compressionPlugin from './plugins/app/compression';
import cookiePlugin from './plugins/external/cookie';
import helmetPlugin from './plugins/external/helmet';
import jwtPlugin from './plugins/external/jwt';
import configPlugin from './plugins/app/config';
import dbPlugin from './plugins/app/db';
import errorsPlugin, { clientErrorHandler, frameworkErrors } from './plugins/app/errors';
import lifecyclePlugin from './plugins/app/lifecycle';
import rateLimitPlugin from './plugins/external/rate-limit';
import redisPlugin from './plugins/app/redis';
import requestContext, { requestIdFor } from './plugins/app/request-context';
import servicesPlugin from './plugins/app/services';
import spaPlugin from './plugins/external/spa';
import swaggerPlugin from './plugins/external/swagger';
import uploadsPlugin from './plugins/external/uploads';

export interface BuildOptions {
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
}

/** The whole API as one Fastify instance; the server and every test build it the same way. */
export async function buildApp(config: Config, options: BuildOptions = {}) {
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    genReqId: requestIdFor,
    logController: new RequestLogController(),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // The closing 503 comes from the lifecycle plugin, as an envelope.
    return503OnClosing: false,
    forceCloseConnections: 'idle',
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  const demo = localDemoNotice(config);
  if (demo) app.log.warn(demo);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);

  await app.register(configPlugin, { config });
  await app.register(requestContext);
  await app.register(helmetPlugin);
  await app.register(compressionPlugin);
  await app.register(dbPlugin);
  await app.register(redisPlugin);
  // Before the error handler: its not-found handler counts unknown routes per IP.
  await app.register(rateLimitPlugin);
  await app.register(errorsPlugin);
  await app.register(lifecyclePlugin);
  await app.register(cookiePlugin);
  await app.register(jwtPlugin);
  await app.register(servicesPlugin);
  await app.register(authPlugin);
  await app.register(swaggerPlugin);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(blogRoutes);
      await api.register(commentRoutes);
      await api.register(authorRoutes);
      await api.register(captchaRoutes);
      await api.register(authRoutes);
      await api.register(oauthRoutes);
      await api.register(meRoutes);
      await api.register(notificationRoutes);
      await api.register(uploadRoutes);
      await api.register(searchRoutes);
      await api.register(roleRoutes);
      await api.register(adminUserRoutes);
      await api.register(adminContentRoutes);
      await api.register(auditRoutes);
      await api.register(exportRoutes);
      await api.register(statsRoutes);
      await api.register(settingsRoutes);
      await api.register(outboxRoutes);
    },
    { prefix: '/api/v1' },
  );

  await app.register(uploadsPlugin);
  await app.register(spaPlugin);
  // Site paths (feeds, sitemaps, shared pages' HTML), beside the SPA's shell.
  await app.register(syndicationRoutes);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
