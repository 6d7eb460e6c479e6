import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A login: lives in Redis at `sess:<sid>`; its refresh token is rotated on every use. */
export interface SessionRecord {
  userId: number;
  /** sha256 of the current refresh secret, and of the one it replaced (to notice reuse). */
  refreshHash: string;
  previousHash: string | null;
  remember: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
}

export const REMEMBER_TTL_SECONDS = 30 * 24 * 3600;
/** A session without "remember me" ends with the browser session, or after 12 idle hours. */
export const SESSION_TTL_SECONDS = 12 * 3600;

const sessionKey = (sid: string) => `sess:${sid}`;
const userKey = (userId: number) => `user-sess:${userId}`;
const digest = (secret: string) => createHash('sha256').update(secret).digest('base64url');

function sameDigest(a: string, b: string | null): boolean {
  if (!b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type RotateResult =
  | { kind: 'rotated'; sid: string; session: SessionRecord; refreshToken: string }
  | { kind: 'reused'; sid: string; userId: number }
  | { kind: 'invalid' };

export function createSessionStore(redis: Redis) {
  const ttlOf = (s: Pick<SessionRecord, 'remember'>) =>
    s.remember ? REMEMBER_TTL_SECONDS : SESSION_TTL_SECONDS;

  async function save(sid: string, session: SessionRecord) {
    await redis
      .multi()
      .set(sessionKey(sid), JSON.stringify(session), 'EX', ttlOf(session))
      .sadd(userKey(session.userId), sid)
      .expire(userKey(session.userId), REMEMBER_TTL_SECONDS)
      .exec();
  }

  async function get(sid: string): Promise<SessionRecord | null> {
    const raw = await redis.get(sessionKey(sid));
    return raw ? (JSON.parse(raw) as SessionRecord) : null;
  }

  async function revoke(sid: string): Promise<void> {
    const session = await get(sid);
    await redis.del(sessionKey(sid));
    if (session) await redis.srem(userKey(session.userId), sid);
  }

  return {
    get,
    revoke,

    async create(
      userId: number,
      meta: { remember: boolean; userAgent: string | null; ip: string | null },
    ): Promise<{ sid: string; refreshToken: string; session: SessionRecord }> {
      const sid = randomBytes(18).toString('base64url');
      const secret = randomBytes(32).toString('base64url');
      const now = new Date().toISOString();
      const session: SessionRecord = {
        userId,
        refreshHash: digest(secret),
        previousHash: null,
        ...meta,
        createdAt: now,
        lastUsedAt: now,
      };
      await save(sid, session);
      return { sid, refreshToken: `${sid}.${secret}`, session };
    },

    /**
     * Trades a refresh token for a new one. Presenting the token this one replaced means it was
     * stolen or replayed: the whole session ends.
     */
    async rotate(refreshToken: string, meta: { ip: string | null }): Promise<RotateResult> {
      const [sid, secret] = refreshToken.split('.');
      if (!sid || !secret || !/^[A-Za-z0-9_-]{16,64}$/.test(sid)) return { kind: 'invalid' };
      const session = await get(sid);
      if (!session) return { kind: 'invalid' };
      const presented = digest(secret);
      if (sameDigest(presented, session.previousHash)) {
        await revoke(sid);
        return { kind: 'reused', sid, userId: session.userId };
      }
      if (!sameDigest(presented, session.refreshHash)) return { kind: 'invalid' };
      const next = randomBytes(32).toString('base64url');
      const updated: SessionRecord = {
        ...session,
        previousHash: session.refreshHash,
        refreshHash: digest(next),
        ip: meta.ip ?? session.ip,
        lastUsedAt: new Date().toISOString(),
      };
      await save(sid, updated);
      return { kind: 'rotated', sid, session: updated, refreshToken: `${sid}.${next}` };
    },

    async list(userId: number): Promise<{ sid: string; session: SessionRecord }[]> {
      const sids = await redis.smembers(userKey(userId));
      if (!sids.length) return [];
      const raws = await redis.mget(sids.map(sessionKey));
      const gone = sids.filter((_, i) => !raws[i]);
      if (gone.length) await redis.srem(userKey(userId), ...gone);
      return sids
        .map((sid, i) => ({ sid, raw: raws[i] }))
        .filter((x): x is { sid: string; raw: string } => !!x.raw)
        .map(({ sid, raw }) => ({ sid, session: JSON.parse(raw) as SessionRecord }));
    },

    /** Ends every session of a user (but `keep`, when given). */
    async revokeAll(userId: number, keep?: string): Promise<number> {
      const sids = (await redis.smembers(userKey(userId))).filter((sid) => sid !== keep);
      if (!sids.length) return 0;
      await redis
        .multi()
        .del(...sids.map(sessionKey))
        .srem(userKey(userId), ...sids)
        .exec();
      return sids.length;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
