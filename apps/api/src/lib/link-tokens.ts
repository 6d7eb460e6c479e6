import { randomBytes } from 'node:crypto';
import { createSigner, createVerifier } from 'fast-jwt';
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

interface LinkPayload {
  sub: string;
  jti: string;
  typ: string;
  email?: string;
  exp: number;
}

const invalid = () => new AppError('TOKEN_INVALID', { errors: { token: 'tokenInvalid' } });

/**
 * Signed, expiring, single-use links. The signature and expiry come from a JWT signed with the
 * links' own key (never the access tokens'); single use from Redis: using a link records its id
 * until it would have expired anyway.
 */
export function createLinkTokens({ key, redis }: { key: Buffer; redis: Redis }) {
  type Sign = (payload: Record<string, unknown>) => string;
  const signers = new Map<string, Sign>();
  const signer = (purpose: LinkPurpose, ttlSeconds: number) => {
    const id = `${purpose}:${ttlSeconds}`;
    let found = signers.get(id);
    if (!found) {
      found = createSigner({
        key,
        algorithm: 'HS256',
        aud: `folio:${purpose}`,
        expiresIn: ttlSeconds * 1000,
      }) as unknown as Sign;
      signers.set(id, found);
    }
    return found;
  };
  const verifiers = new Map<LinkPurpose, (token: string) => LinkPayload>();
  const verifier = (purpose: LinkPurpose) => {
    let found = verifiers.get(purpose);
    if (!found) {
      found = createVerifier({
        key,
        algorithms: ['HS256'],
        allowedAud: `folio:${purpose}`,
        requiredClaims: ['sub', 'jti', 'typ', 'exp', 'aud'],
      }) as (token: string) => LinkPayload;
      verifiers.set(purpose, found);
    }
    return found;
  };

  return {
    sign(purpose: LinkPurpose, userId: number, ttlSeconds: number, email?: string): string {
      const jti = randomBytes(16).toString('base64url');
      return signer(
        purpose,
        ttlSeconds,
      )({
        sub: String(userId),
        typ: 'link',
        jti,
        ...(email && { email }),
      });
    },

    /** Verifies and uses up a link; any failure is TOKEN_INVALID, with no hint why. */
    async consume(purpose: LinkPurpose, token: string): Promise<LinkClaims> {
      let claims: LinkPayload;
      try {
        claims = verifier(purpose)(token);
      } catch {
        throw invalid();
      }
      const userId = Number(claims.sub);
      if (claims.typ !== 'link' || !Number.isInteger(userId)) throw invalid();
      const ttl = Math.max(1, claims.exp - Math.floor(Date.now() / 1000));
      const fresh = await redis.set(`link-used:${claims.jti}`, '1', 'EX', ttl, 'NX');
      if (fresh !== 'OK') throw invalid();
      return { purpose, userId, email: claims.email, jti: claims.jti };
    },
  };
}

export type LinkTokens = ReturnType<typeof createLinkTokens>;
