import { CaptchaSchema, Envelope } from '@folio/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ok } from '../../lib/route-schema';

const captchaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/captcha',
    {
      schema: {
        tags: ['auth'],
        summary: 'A new picture captcha (SVG); its answer is good for one check within 5 minutes',
        response: { 200: Envelope(CaptchaSchema) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return ok(await app.captcha.create());
    },
  );
};

export default captchaRoutes;
