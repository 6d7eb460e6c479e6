import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { loggerOptions, RequestLogController } from './lib/logger';
import { responseSerializerCompiler } from './lib/serializer';
import authRoutes from './modules/auth/routes';
import authorRoutes from './modules/authors/routes';
import captchaRoutes from './modules/captcha/routes';
import blogRoutes from './modules/blogs/routes';
import healthRoutes from './modules/health/routes';
import oauthRoutes from './modules/oauth/routes';
import meRoutes from './modules/me/routes';
import authPlugin from './plugins/auth';
import configPlugin from './plugins/config';
import dbPlugin from './plugins/db';
import errorsPlugin from './plugins/errors';
import rateLimitPlugin from './plugins/rate-limit';
import redisPlugin from './plugins/redis';
import requestContext, { requestIdFor } from './plugins/request-context';
import servicesPlugin from './plugins/services';
import spaPlugin from './plugins/spa';
import swaggerPlugin from './plugins/swagger';
import uploadsPlugin from './plugins/uploads';

export interface BuildOptions {
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream;
}

/** The whole API as one Fastify instance; the server and every test build it the same way. */
export async function buildApp(config: Config, options: BuildOptions = {}) {
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    genReqId: requestIdFor,
    logController: new RequestLogController(),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);

  await app.register(configPlugin, { config });
  await app.register(requestContext);
  await app.register(dbPlugin);
  await app.register(redisPlugin);
  // Before the error handler: its not-found handler counts unknown routes per IP.
  await app.register(rateLimitPlugin);
  await app.register(errorsPlugin);
  await app.register(authPlugin);
  await app.register(servicesPlugin);
  await app.register(swaggerPlugin);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(blogRoutes);
      await api.register(authorRoutes);
      await api.register(captchaRoutes);
      await api.register(authRoutes);
      await api.register(oauthRoutes);
      await api.register(meRoutes);
    },
    { prefix: '/api/v1' },
  );

  await app.register(uploadsPlugin);
  await app.register(spaPlugin);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
