import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from './errors';

/** What a mailed link can do; each kind has its own audience, so one can't stand for another. */
export type LinkPurpose = 'verify-email' | 'change-email' | 'reset-password';

export interface LinkClaims {
  purpose: LinkPurpose;
  userId: number;
  /** The address the link was sent to (verify-email, change-email). */
  email?: string;
  jti: string;
}

/**
 * Signed, expiring, single-use links. The signature and expiry come from the JWT; single use from
 * Redis: using a link records its id until it would have expired anyway.
 */
export function createLinkTokens(app: Pick<FastifyInstance, 'jwt'>, redis: Redis) {
  return {
    sign(purpose: LinkPurpose, userId: number, ttlSeconds: number, email?: string): string {
      const jti = randomBytes(16).toString('base64url');
      return app.jwt.sign(
        { typ: 'link', jti, ...(email && { email }) },
        { sub: String(userId), aud: `folio:${purpose}`, expiresIn: ttlSeconds },
      );
    },

    /** Verifies and uses up a link; any failure is TOKEN_INVALID, with no hint why. */
    async consume(purpose: LinkPurpose, token: string): Promise<LinkClaims> {
      let claims: { sub: string; jti: string; typ: string; email?: string; exp: number };
      try {
        claims = app.jwt.verify(token, { allowedAud: `folio:${purpose}` });
      } catch {
        throw new AppError('TOKEN_INVALID', { errors: { token: 'tokenInvalid' } });
      }
      const userId = Number(claims.sub);
      if (claims.typ !== 'link' || !claims.jti || !Number.isInteger(userId)) {
        throw new AppError('TOKEN_INVALID', { errors: { token: 'tokenInvalid' } });
      }
      const ttl = Math.max(1, claims.exp - Math.floor(Date.now() / 1000));
      const fresh = await redis.set(`link-used:${claims.jti}`, '1', 'EX', ttl, 'NX');
      if (fresh !== 'OK')
        throw new AppError('TOKEN_INVALID', { errors: { token: 'tokenInvalid' } });
      return { purpose, userId, email: claims.email, jti: claims.jti };
    },
  };
}

export type LinkTokens = ReturnType<typeof createLinkTokens>;
