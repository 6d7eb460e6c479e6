import type { Permission } from '@folio/schema';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../lib/errors';
import type { AuthContext } from '../../modules/sessions/service';

/** What a route that needs a permission spreads into its options (`app.requires`). */
export interface PermissionGuard {
  onRequest: onRequestHookHandler[];
  config: { permission: Permission };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for routes that need a logged-in user; sets `request.auth`. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /**
     * For routes that need a permission: the logged-in user's roles must hold it, as they are
     * now (read on every request, so a role taken away stops the next one). 401 without a valid
     * token, 403 without the permission. The permission is kept in the route's config, where the
     * OpenAPI document and the tests read it.
     */
    requires: (permission: Permission) => PermissionGuard;
  }
  interface FastifyContextConfig {
    permission?: Permission;
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
    app.decorate('requires', (permission: Permission): PermissionGuard => {
      const permitted = async (request: FastifyRequest) => {
        if (!request.auth || !(await app.users.hasPermission(request.auth.userId, permission))) {
          throw new AppError('FORBIDDEN');
        }
      };
      return {
        onRequest: [app.authenticate as onRequestHookHandler, permitted as onRequestHookHandler],
        config: { permission },
      };
    });
  },
  { name: 'auth', dependencies: ['services'] },
);
