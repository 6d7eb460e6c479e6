import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A login: lives in Redis at `sess:<sid>`. Its refresh tokens form a family: token `gen` of a
 * session is `<sid>.<gen>.<mac>`, where the mac is keyed by the server's refresh key, so any token
 * of the family can be recognised without being stored, however old it is.
 */
export interface SessionRecord {
  userId: number;
  /** The generation of the one refresh token that may be traded now. */
  gen: number;
  /** When `gen` was issued (ms since the epoch): the grace window runs from here. */
  rotatedAt: number;
  remember: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
}

export const REMEMBER_TTL_SECONDS = 30 * 24 * 3600;
/** A session without "remember me" ends with the browser session, or after 12 idle hours. */
export const SESSION_TTL_SECONDS = 12 * 3600;
/**
 * A tab that presents the token another tab has just traded gets the same new token back, so two
 * tabs refreshing at once don't end the session. After this window an old token counts as stolen.
 */
export const REFRESH_GRACE_MS = 10_000;

const sessionKey = (sid: string) => `sess:${sid}`;
const userKey = (userId: number) => `user-sess:${userId}`;
const SID = /^[A-Za-z0-9_-]{16,64}$/;
const GEN = /^\d{1,9}$/;

export type RotateResult =
  | { kind: 'rotated'; sid: string; session: SessionRecord; refreshToken: string }
  | { kind: 'reused'; sid: string; userId: number }
  | { kind: 'invalid' };

/**
 * Trades generation ARGV[1] atomically: the current one moves the family on; the one just before,
 * within the grace window, answers the current session unchanged; any older one ends the session.
 */
const ROTATE_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return {'invalid'} end
local s = cjson.decode(raw)
local gen = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
if gen == s.gen then
  s.gen = s.gen + 1
  s.rotatedAt = now
  s.lastUsedAt = ARGV[4]
  if ARGV[5] ~= '' then s.ip = ARGV[5] end
  local ttl = tonumber(ARGV[7])
  if s.remember then ttl = tonumber(ARGV[6]) end
  local updated = cjson.encode(s)
  redis.call('SET', KEYS[1], updated, 'EX', ttl)
  return {'rotated', updated}
end
if gen == s.gen - 1 and now - s.rotatedAt <= tonumber(ARGV[3]) then
  return {'rotated', raw}
end
if gen < s.gen then
  redis.call('DEL', KEYS[1])
  return {'reused', raw}
end
return {'invalid'}
`;

/** Sessions in Redis; knows nothing of users or HTTP (the session service does). */
export function createSessionStore(redis: Redis, refreshKey: Buffer) {
  const ttlOf = (s: Pick<SessionRecord, 'remember'>) =>
    s.remember ? REMEMBER_TTL_SECONDS : SESSION_TTL_SECONDS;
  const mac = (sid: string, gen: number) =>
    createHmac('sha256', refreshKey).update(`${sid}.${gen}`).digest('base64url');
  const tokenOf = (sid: string, gen: number) => `${sid}.${gen}.${mac(sid, gen)}`;

  /** The session id and generation a token stands for, when the server issued it. */
  function parse(token: string | undefined): { sid: string; gen: number } | null {
    const [sid, genText, presented, extra] = token?.split('.') ?? [];
    if (!sid || !genText || !presented || extra !== undefined) return null;
    if (!SID.test(sid) || !GEN.test(genText)) return null;
    const gen = Number(genText);
    const expected = Buffer.from(mac(sid, gen));
    const given = Buffer.from(presented);
    return expected.length === given.length && timingSafeEqual(expected, given)
      ? { sid, gen }
      : null;
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

    /** Which of these sessions still exist, in one round trip. */
    async alive(sids: string[]): Promise<Set<string>> {
      if (sids.length === 0) return new Set();
      const pipeline = redis.pipeline();
      for (const sid of sids) pipeline.exists(sessionKey(sid));
      const results = (await pipeline.exec()) ?? [];
      return new Set(sids.filter((_sid, i) => results[i]?.[1] === 1));
    },

    /** The live session a token of its family names (any generation), for logging out. */
    async sessionOf(token: string | undefined): Promise<string | null> {
      const parsed = parse(token);
      return parsed && (await get(parsed.sid)) ? parsed.sid : null;
    },

    async create(
      userId: number,
      meta: { remember: boolean; userAgent: string | null; ip: string | null },
    ): Promise<{ sid: string; refreshToken: string; session: SessionRecord }> {
      const sid = randomBytes(18).toString('base64url');
      const now = new Date();
      const session: SessionRecord = {
        userId,
        gen: 1,
        rotatedAt: now.getTime(),
        ...meta,
        createdAt: now.toISOString(),
        lastUsedAt: now.toISOString(),
      };
      await redis
        .multi()
        .set(sessionKey(sid), JSON.stringify(session), 'EX', ttlOf(session))
        .sadd(userKey(userId), sid)
        .expire(userKey(userId), REMEMBER_TTL_SECONDS)
        .exec();
      return { sid, refreshToken: tokenOf(sid, session.gen), session };
    },

    /** Trades a refresh token for the next one of its family (see ROTATE_SCRIPT). */
    async rotate(refreshToken: string, meta: { ip: string | null }): Promise<RotateResult> {
      const parsed = parse(refreshToken);
      if (!parsed) return { kind: 'invalid' };
      const now = new Date();
      const [kind, raw] = (await redis.eval(
        ROTATE_SCRIPT,
        1,
        sessionKey(parsed.sid),
        parsed.gen,
        now.getTime(),
        REFRESH_GRACE_MS,
        now.toISOString(),
        meta.ip ?? '',
        REMEMBER_TTL_SECONDS,
        SESSION_TTL_SECONDS,
      )) as [string, string | undefined];
      if (kind === 'invalid' || !raw) return { kind: 'invalid' };
      const session = JSON.parse(raw) as SessionRecord;
      if (kind === 'reused') {
        await redis.srem(userKey(session.userId), parsed.sid);
        return { kind: 'reused', sid: parsed.sid, userId: session.userId };
      }
      return {
        kind: 'rotated',
        sid: parsed.sid,
        session,
        refreshToken: tokenOf(parsed.sid, session.gen),
      };
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
