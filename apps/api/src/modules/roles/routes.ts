import {
  CreateRoleBody,
  Envelope,
  IdParam,
  RoleListSchema,
  RoleSchema,
  SetUserRolesBody,
  UpdateRoleBody,
  UserRolesSchema,
} from '@folio/schema';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failures, ok } from '../../lib/route-schema';
import { auditContextOf } from '../audit/service';

const tags = ['admin'];
const actorOf = (request: FastifyRequest) => ({
  ...auditContextOf(request),
  userId: request.auth!.userId,
});

/** `/admin/roles` and a user's roles: everything here needs `roles.manage`. */
const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.roleService;
  const guard = app.requires('roles.manage');

  app.get(
    '/admin/roles',
    {
      ...guard,
      schema: {
        tags,
        summary: 'Every role, with its permissions and how many users hold it',
        response: { 200: Envelope(RoleListSchema), ...failures(403) },
      },
    },
    async () => ok({ items: await service.list() }),
  );

  app.post(
    '/admin/roles',
    {
      ...guard,
      schema: {
        tags,
        summary: 'Make a role',
        description: 'It may hold only permissions the caller holds (403 otherwise).',
        body: CreateRoleBody,
        response: { 201: Envelope(RoleSchema), ...failures(403) },
      },
    },
    async (request, reply) => {
      const role = await service.create(actorOf(request), request.body);
      reply.code(201);
      return ok(role, { location: `/admin/roles/${role.id}` });
    },
  );

  app.patch(
    '/admin/roles/:id',
    {
      ...guard,
      schema: {
        tags,
        summary: 'Rename a role or change its permissions',
        description:
          'Permissions it gains must be ones the caller holds (403). A change that would leave no ' +
          'active account able to manage roles is refused (409).',
        params: IdParam,
        body: UpdateRoleBody,
        response: { 200: Envelope(RoleSchema), ...failures(403, 404, 409) },
      },
    },
    async (request) => ok(await service.update(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/admin/roles/:id',
    {
      ...guard,
      schema: {
        tags,
        summary: 'Delete a role; its holders lose what it gave them',
        description: 'Refused (409) when no active account could manage roles after it.',
        params: IdParam,
        response: { 200: Envelope(z.null()), ...failures(403, 404, 409) },
      },
    },
    async (request) => {
      await service.remove(actorOf(request), request.params.id);
      return ok(null);
    },
  );

  app.get(
    '/admin/users/:id/roles',
    {
      ...guard,
      schema: {
        tags,
        summary: "A user's roles and the permissions they add up to",
        params: IdParam,
        response: { 200: Envelope(UserRolesSchema), ...failures(403, 404) },
      },
    },
    async (request) => ok(await service.rolesOf(request.params.id)),
  );

  app.put(
    '/admin/users/:id/roles',
    {
      ...guard,
      schema: {
        tags,
        summary: "Set a user's roles (all of them)",
        description:
          'A role the user gains must hold only permissions the caller holds (403). Refused (409) ' +
          'when no active account could manage roles after it. Applies at once, to the tokens ' +
          'the user holds now.',
        params: IdParam,
        body: SetUserRolesBody,
        response: { 200: Envelope(UserRolesSchema), ...failures(403, 404, 409) },
      },
    },
    async (request) =>
      ok(await service.setRolesOf(actorOf(request), request.params.id, request.body.roleIds)),
  );
};

export default roleRoutes;
