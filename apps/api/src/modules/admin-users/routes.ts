import {
  AdminUserDetailSchema,
  AdminUserListQuery,
  AdminUserPageSchema,
  BulkResultSchema,
  BulkUsersBody,
  Envelope,
  IdParam,
  UserSessionParams,
} from '@folio/schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failures, ok } from '../../lib/route-schema';
import { auditContextOf } from '../audit/service';

const tags = ['admin'];

/** The users table, a user's page and the actions staff take on accounts. */
const adminUserRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.adminUserService;

  app.get(
    '/admin/users',
    {
      ...app.requires('users.read'),
      schema: {
        tags,
        summary: 'Users, paged, sorted, searched and filtered, deleted ones too',
        description:
          '`q` finds part of a nickname, or the start of an email or a phone (E.164, "+86138...").',
        querystring: AdminUserListQuery,
        response: { 200: Envelope(AdminUserPageSchema), ...failures(403) },
      },
    },
    async (request) => ok(await service.list(request.query)),
  );

  app.get(
    '/admin/users/:id',
    {
      ...app.requires('users.read'),
      schema: {
        tags,
        summary: 'One user: the row, their login identities and live sessions',
        params: IdParam,
        response: { 200: Envelope(AdminUserDetailSchema), ...failures(403, 404) },
      },
    },
    async (request) => ok(await service.get(request.params.id)),
  );

  app.delete(
    '/admin/users/:id/sessions/:sid',
    {
      ...app.requires('users.write'),
      schema: {
        tags,
        summary: "End one of a user's sessions; its access token stops working at once",
        params: UserSessionParams,
        response: { 200: Envelope(z.null()), ...failures(403, 404) },
      },
    },
    async (request) => {
      await service.endSession(auditContextOf(request), request.params.id, request.params.sid);
      return ok(null);
    },
  );

  app.post(
    '/admin/users/bulk',
    {
      ...app.requires('users.write'),
      schema: {
        tags,
        summary: 'Lock, unlock, delete or restore the selected users, or all that match a filter',
        description:
          'Give `ids` (at most 1 000) or `all` (the filters of `GET /admin/users`). Locking or ' +
          'deleting ends the users’ sessions at once. Never acts on the caller, nor on the last ' +
          'active account that can manage roles: those count as `skipped`.',
        body: BulkUsersBody,
        response: { 200: Envelope(BulkResultSchema), ...failures(403) },
      },
    },
    async (request) =>
      ok(
        await service.bulk(
          { ...auditContextOf(request), actorId: request.auth!.userId },
          request.body,
        ),
      ),
  );
};

export default adminUserRoutes;
