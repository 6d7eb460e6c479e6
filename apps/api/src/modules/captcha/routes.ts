import { CaptchaSchema, Envelope } from '@folio/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ok } from '../../lib/route-schema';

/**
 * Per IP: each form that needs a captcha loads one, and a person reloads a few that they can't
 * read; a hundred and twenty in ten minutes leaves room for a busy office behind one address.
 */
export const CAPTCHA_IP_LIMIT = { max: 120, timeWindow: 10 * 60_000 } as const;

const captchaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/captcha',
    {
      config: { rateLimit: CAPTCHA_IP_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'A new picture captcha (SVG); its answer is good for one check within 5 minutes',
        description: '120 per IP in 10 minutes.',
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
