import { AuditListQuery, AuditPageSchema, Envelope } from '@folio/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, ok } from '../../lib/route-schema';

/** The audit log, newest first. Nothing here changes it. */
const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/admin/audit',
    {
      ...app.requires('audit.read'),
      schema: {
        tags: ['admin'],
        summary: "Staff's actions and security events, newest first, filtered",
        querystring: AuditListQuery,
        response: { 200: Envelope(AuditPageSchema), ...failures(403) },
      },
    },
    async (request) => ok(await app.audit.list(request.query)),
  );
};

export default auditRoutes;
