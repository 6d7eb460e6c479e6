import cookie from '@fastify/cookie';
import jwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../lib/errors';
import { createSessionStore, type SessionStore } from '../../modules/sessions/store';

export const ACCESS_AUDIENCE = 'folio';

export interface AuthContext {
  userId: number;
  sid: string;
}

interface AccessClaims {
  sub: string;
  sid: string;
  typ: 'access';
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionStore;
    /** onRequest hook for routes that need a logged-in user; sets `request.auth`. */
    authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    signAccessToken: (auth: AuthContext) => string;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: Record<string, unknown>;
    user: Record<string, unknown>;
  }
}

/**
 * Access tokens: HS256 only, 15 minutes, audience and type checked, and honoured only while their
 * session still exists in Redis, so logout, a password change or an admin lock take effect at once.
 */
export default fp(
  async (app) => {
    await app.register(cookie);
    await app.register(jwt, {
      secret: app.config.JWT_SECRET,
      sign: { algorithm: 'HS256' },
      verify: { algorithms: ['HS256'] },
    });
    const sessions = createSessionStore(app.redis);
    app.decorate('sessions', sessions);
    app.decorateRequest('auth', null);

    app.decorate('signAccessToken', (auth: AuthContext) =>
      app.jwt.sign(
        { sid: auth.sid, typ: 'access' },
        {
          sub: String(auth.userId),
          aud: ACCESS_AUDIENCE,
          expiresIn: app.config.ACCESS_TOKEN_TTL_SECONDS,
        },
      ),
    );

    app.decorate('authenticate', async (request: FastifyRequest) => {
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      if (!token) throw new AppError('UNAUTHENTICATED', { location: '/login' });
      let claims: AccessClaims;
      try {
        claims = app.jwt.verify<AccessClaims>(token, { allowedAud: ACCESS_AUDIENCE });
      } catch {
        throw new AppError('UNAUTHENTICATED', { location: '/login' });
      }
      const userId = Number(claims.sub);
      if (claims.typ !== 'access' || !Number.isInteger(userId) || typeof claims.sid !== 'string') {
        throw new AppError('UNAUTHENTICATED', { location: '/login' });
      }
      const session = await sessions.get(claims.sid);
      if (!session || session.userId !== userId) {
        throw new AppError('SESSION_EXPIRED', { location: '/login' });
      }
      request.auth = { userId, sid: claims.sid };
    });
  },
  { name: 'auth', dependencies: ['config', 'redis'] },
);
