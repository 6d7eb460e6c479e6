import type {
  ChangePassword,
  EmailChanged,
  Me,
  Session,
  SessionsRevoked,
  UpdateMe,
} from '@folio/schema';
import type { Redis } from 'ioredis';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { AppError, NotFound } from '../../lib/errors';
import type { LinkTokens } from '../../lib/link-tokens';
import type { Storage } from '../../lib/storage';
import { isCommonPassword, type PasswordHasher } from '../../lib/passwords';
import { normalizePhone } from '../../lib/phones';
import { cooldown, dailyCap } from '../../lib/throttle';
import type { SmsCodes } from '../auth/sms-codes';
import type { Notifier } from '../messaging/queue';
import { maskRecipient } from '../messaging/transports';
import type { AuditContext, AuditLog } from '../audit/service';
import type { AuthContext, SessionService } from '../sessions/service';
import { loadMe, pendingEmailKey, toMe } from '../users/me';
import type { UserRepository, UserRow } from '../users/repository';
import { encodeAvatar, removeAvatar, saveAvatar } from './avatar';
import { describeSession } from '../sessions/devices';
import { createMeRepository } from './repository';

export const EMAIL_CHANGE_TTL_SECONDS = 24 * 3600;
/**
 * One change-email mail a minute and ten a day per account, and one a minute per address: the
 * address may be anyone's.
 */
export const EMAIL_CHANGE_COOLDOWN_SECONDS = 60;
export const EMAIL_CHANGE_DAILY_LIMIT = 10;
/** Wrong passwords a stolen access token may try here before it has to wait. */
export const PASSWORD_CONFIRM_TRIES = 10;
export const PASSWORD_CONFIRM_WINDOW_SECONDS = 15 * 60;
/** Rounds of compare-and-set an avatar change makes against uploads racing it. */
const AVATAR_SWAP_TRIES = 10;

const emailCooldownKey = (userId: number) => `email-change-cooldown:${userId}`;
const passwordFailsKey = (userId: number) => `me-password-fails:${userId}`;

const fieldError = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', { errors: { [field]: message } });

export interface MeDeps {
  db: Db;
  users: UserRepository;
  passwords: PasswordHasher;
  redis: Redis;
  sessions: SessionService;
  linkTokens: LinkTokens;
  notifier: Notifier;
  smsCodes: SmsCodes;
  /** Where avatars are kept (`avatars/<name>`). */
  storage: Storage;
  config: Pick<Config, 'SITE_ORIGIN'>;
  audit: Pick<AuditLog, 'record'>;
}

/** The account endpoints' rules; every method acts for the logged-in user only. */
export function createMeService(deps: MeDeps) {
  const { users, passwords, redis, sessions, config, linkTokens, notifier, smsCodes } = deps;
  const repository = createMeRepository(deps.db);
  const avatars = deps.storage;

  /** The user behind a still-valid access token; a deleted account no longer counts as logged in. */
  async function load(userId: number): Promise<UserRow> {
    const user = await users.findById(userId);
    if (!user) throw new AppError('UNAUTHENTICATED', { location: '/login' });
    return user;
  }

  async function me(userId: number): Promise<Me> {
    return loadMe(users, redis, await load(userId));
  }

  /** Checks the account's password, with a cap on wrong tries (RATE_LIMITED past it). */
  async function confirmPassword(user: UserRow, password: string, field: string): Promise<void> {
    const key = passwordFailsKey(user.id);
    if (Number(await redis.get(key)) >= PASSWORD_CONFIRM_TRIES) {
      throw new AppError('RATE_LIMITED', { retryAfter: Math.max(1, await redis.ttl(key)) });
    }
    if (await passwords.verify(user.passwordHash, password)) {
      await redis.del(key);
      return;
    }
    if ((await redis.incr(key)) === 1) await redis.expire(key, PASSWORD_CONFIRM_WINDOW_SECONDS);
    throw fieldError(field, 'passwordWrong');
  }

  async function throttleEmailChange(userId: number): Promise<void> {
    await cooldown(redis, emailCooldownKey(userId), EMAIL_CHANGE_COOLDOWN_SECONDS);
    await dailyCap(redis, `email-change-daily:${userId}`, EMAIL_CHANGE_DAILY_LIMIT);
  }

  return {
    me,

    async update(userId: number, fields: UpdateMe): Promise<Me> {
      await load(userId);
      if (fields.birthday) {
        const today = new Date().toISOString().slice(0, 10);
        if (fields.birthday < '1900-01-01' || fields.birthday > today) {
          throw fieldError('birthday', 'birthdayRange');
        }
      }
      await users.update(userId, fields);
      return me(userId);
    },

    /**
     * Replaces the avatar with a re-encoded copy of the upload, then deletes the file it replaced.
     * Uploads at once each swap in turn (compare and set on the name they last read), so every
     * replaced file is deleted by the upload that replaced it, and a failed one deletes its own.
     */
    async setAvatar(userId: number, upload: Buffer): Promise<Me> {
      let current = (await load(userId)).avatar;
      const name = await saveAvatar(avatars, userId, await encodeAvatar(upload));
      try {
        let swapped = false;
        for (let tries = 0; !swapped && tries < AVATAR_SWAP_TRIES; tries++) {
          if (tries > 0) current = (await load(userId)).avatar;
          swapped = await repository.replaceAvatar(userId, current, name);
        }
        // Still losing after that many rounds: newer uploads came in; the newest one stays.
        if (!swapped) current = name;
      } catch (err) {
        await removeAvatar(avatars, name);
        throw err;
      }
      await removeAvatar(avatars, current);
      return me(userId);
    },

    /** Sets a new password and ends every other session (this one stays logged in). */
    async changePassword(auth: AuthContext, body: ChangePassword): Promise<number> {
      const user = await load(auth.userId);
      await confirmPassword(user, body.currentPassword, 'currentPassword');
      if (isCommonPassword(body.newPassword)) throw fieldError('newPassword', 'passwordTooCommon');
      await users.update(user.id, { passwordHash: await passwords.hash(body.newPassword) });
      return sessions.endAll(user.id, auth.sid);
    },

    /**
     * Starts a change of email: a link to the new address, the old one kept until it is followed.
     * An address that belongs to another account gets the same answer and no mail, so this can't
     * be used to find out who is registered.
     */
    async requestEmailChange(userId: number, email: string): Promise<Me> {
      const user = await load(userId);
      const identities = await users.identities(userId);
      if (identities.some((i) => i.provider === 'email' && i.subject === email)) {
        throw fieldError('email', 'emailUnchanged');
      }
      // Per address too: many accounts must not be able to bomb one inbox.
      await cooldown(redis, `rl:email-change:${email}`, EMAIL_CHANGE_COOLDOWN_SECONDS);
      await throttleEmailChange(userId);
      const owner = await users.findByIdentity('email', email);
      await redis.set(pendingEmailKey(userId), email, 'EX', EMAIL_CHANGE_TTL_SECONDS);
      if (!owner) {
        const token = linkTokens.sign('change-email', userId, EMAIL_CHANGE_TTL_SECONDS, email);
        const link = `${config.SITE_ORIGIN}/confirm-email?token=${encodeURIComponent(token)}`;
        await notifier.send('change-email', email, user.locale, {
          nickname: user.nickname,
          link,
        });
      }
      return toMe(user, identities, email, await users.permissionsOf(userId));
    },

    /**
     * Follows a change-email link: the token names the user and the address. Only the latest
     * request's link works (an older one no longer matches the pending address). The old address,
     * if there was one, gets a notice naming the new one masked.
     */
    async confirmEmailChange(token: string): Promise<EmailChanged> {
      const claims = await linkTokens.consume('change-email', token);
      const user = await users.findById(claims.userId);
      const pending = await redis.get(pendingEmailKey(claims.userId));
      if (!user || !claims.email || pending !== claims.email) {
        throw new AppError('TOKEN_INVALID', { errors: { token: 'tokenInvalid' } });
      }
      const previous = (await users.identities(user.id)).find((i) => i.provider === 'email');
      await users.replaceIdentity(user.id, {
        kind: 'email',
        provider: 'email',
        subject: claims.email,
        verifiedAt: new Date(),
      });
      await redis.del(pendingEmailKey(user.id));
      // The old address hears of it: if the change was a stranger's, it is the owner's only warning.
      if (previous) {
        await notifier.send('email-changed', previous.subject, user.locale, {
          nickname: user.nickname,
          newEmail: maskRecipient(claims.email),
          link: `${config.SITE_ORIGIN}/forgot-password`,
        });
      }
      return { email: claims.email };
    },

    /** Sets the phone to one proven by an SMS code (purpose change-phone). */
    async changePhone(userId: number, input: { phone: string; code: string }): Promise<Me> {
      await load(userId);
      const phone = normalizePhone(input.phone);
      if (!phone) throw fieldError('phone', 'phoneInvalid');
      await smsCodes.consume(phone, 'change-phone', input.code);
      await users.replaceIdentity(userId, {
        kind: 'phone',
        provider: 'phone',
        subject: phone,
        verifiedAt: new Date(),
      });
      return me(userId);
    },

    async sessions(auth: AuthContext): Promise<Session[]> {
      const list = (await sessions.list(auth.userId)).map(({ sid, session }) =>
        describeSession(sid, session, auth.sid),
      );
      return list.sort(
        (a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.localeCompare(a.lastUsedAt),
      );
    },

    /** Ends one of the user's own sessions; its access token stops working at once. */
    async revokeSession(auth: AuthContext, sid: string, context: AuditContext): Promise<void> {
      const session = await sessions.get(sid);
      if (!session || session.userId !== auth.userId) throw NotFound();
      await sessions.end(sid);
      await deps.audit.record(context, {
        action: 'session.revoked',
        target: { type: 'user', id: auth.userId },
        before: { session: sid, ip: session.ip },
      });
    },

    async revokeOtherSessions(auth: AuthContext, context: AuditContext): Promise<SessionsRevoked> {
      const revoked = await sessions.endAll(auth.userId, auth.sid);
      if (revoked) {
        await deps.audit.record(context, {
          action: 'session.revoked',
          target: { type: 'user', id: auth.userId },
          after: { others: revoked },
        });
      }
      return { revoked };
    },

    /**
     * Deletes the account (soft): its logins are freed for others, every session ends and the
     * avatar goes; blogs written under it stay with their author rows.
     */
    async deleteAccount(auth: AuthContext, password: string): Promise<void> {
      const user = await load(auth.userId);
      await confirmPassword(user, password, 'password');
      await users.softDelete(user.id);
      await sessions.endAll(user.id);
      await redis.del(pendingEmailKey(user.id));
      // An upload racing the deletion finds the account gone and deletes its own file.
      for (let avatar = user.avatar, tries = 0; avatar && tries < AVATAR_SWAP_TRIES; tries++) {
        if (await repository.replaceAvatar(user.id, avatar, null)) {
          await removeAvatar(avatars, avatar);
          break;
        }
        avatar = await repository.avatarOf(user.id);
      }
    },

    /** Unbinds a login identity, never the last way to log in. */
    async unbindIdentity(userId: number, identityId: number): Promise<Me> {
      const result = await repository.unbindIdentity(userId, identityId);
      if (result === 'not-found') throw NotFound();
      if (result === 'last') throw new AppError('LAST_LOGIN_METHOD');
      return me(userId);
    },
  };
}

export type MeService = ReturnType<typeof createMeService>;
