import jwt from '@fastify/jwt';
import fp from 'fastify-plugin';
import { deriveKey } from '../../lib/keys';
import { ACCESS_AUDIENCE } from '../../modules/sessions/service';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: Record<string, unknown>;
    user: Record<string, unknown>;
  }
}

/**
 * Access tokens: HS256 only, with their own key derived from JWT_SECRET, and refused unless they
 * carry an audience, an expiry, a subject, a session and a type.
 */
export default fp(
  async (app) => {
    await app.register(jwt, {
      secret: deriveKey(app.config.JWT_SECRET, 'access-token'),
      sign: { algorithm: 'HS256', aud: ACCESS_AUDIENCE },
      verify: {
        algorithms: ['HS256'],
        allowedAud: ACCESS_AUDIENCE,
        requiredClaims: ['aud', 'exp', 'sub', 'sid', 'typ'],
      },
    });
  },
  { name: 'jwt', dependencies: ['config'] },
);
