import type { Permission } from '@folio/schema';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../lib/errors';
import type { AuthContext } from '../../modules/sessions/service';

/** What a route that needs a permission spreads into its options (`app.requires`). */
export interface PermissionGuard {
  onRequest: onRequestHookHandler[];
  config: { permission: Permission | Permission[] };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for routes that need a logged-in user; sets `request.auth`. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /**
     * For routes that need a permission, or several: the logged-in user's roles must hold every
     * one of them, as they are now (read on every request, so a role taken away stops the next
     * one). 401 without a valid token, 403 without one of them. They are kept in the route's
     * config (one name, or the list when several), where the OpenAPI document (`x-permission`)
     * and the tests read them.
     */
    requires: (...permissions: [Permission, ...Permission[]]) => PermissionGuard;
  }
  interface FastifyContextConfig {
    permission?: Permission | Permission[];
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

/** `app.authenticate`: the session service's check of the bearer token, as a route hook. */
export default fp(
  async (app) => {
    app.decorateRequest('auth', null);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      request.auth = await app.sessions.authenticate(request.headers.authorization);
    });
    app.decorate('requires', (...permissions: [Permission, ...Permission[]]): PermissionGuard => {
      const [first, ...more] = permissions;
      if (!more.length) {
        // One permission: read with the account, in the statement `authenticate` sends anyway.
        const authorized = async (request: FastifyRequest) => {
          const { auth, holds } = await app.sessions.authorize(
            request.headers.authorization,
            first,
          );
          request.auth = auth;
          if (!holds) throw new AppError('FORBIDDEN');
        };
        return {
          onRequest: [authorized as onRequestHookHandler],
          config: { permission: first },
        };
      }
      const permitted = async (request: FastifyRequest) => {
        const held = request.auth ? await app.users.permissionsOf(request.auth.userId) : [];
        if (!permissions.every((p) => held.includes(p))) throw new AppError('FORBIDDEN');
      };
      return {
        onRequest: [app.authenticate as onRequestHookHandler, permitted as onRequestHookHandler],
        config: { permission: [...permissions] },
      };
    });
  },
  { name: 'auth', dependencies: ['services'] },
);
