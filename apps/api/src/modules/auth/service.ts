import {
  EmailSchema,
  type Locale,
  type Login,
  type LoginSms,
  type RegisterEmail,
  type RegisterPhone,
  type ResetPassword,
  type SmsCodeRequest,
} from '@folio/schema';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors';
import { cooldown } from '../../lib/throttle';
import { looksLikePhone, normalizePhone } from '../../lib/phones';
import { isCommonPassword } from '../../lib/passwords';
import type { TemplateName } from '../notifications/templates';
import { attachPendingIdentity, checkPendingIdentity } from '../oauth/pending';
import type { UserRow } from '../users/repository';
import { createLoginGuard } from './login-guard';

export const VERIFY_EMAIL_TTL_SECONDS = 24 * 3600;
export const RESET_PASSWORD_TTL_SECONDS = 3600;
/**
 * One verification, reset or "already registered" mail per address a minute, whether or not it
 * has an account.
 */
export const EMAIL_COOLDOWN_SECONDS = 60;

/** Who is asking: what the service needs from the request, and nothing about HTTP. */
export interface Caller {
  ip: string;
  locale: Locale;
}

/** An unbound OAuth sign-in to attach to the account being made or logged into. */
export interface OAuthTicket {
  ticket: string;
  /** The browser's `folio_oauth` cookie: a ticket only works in the browser that signed in. */
  browser: string | undefined;
}

export interface Refreshed {
  user: UserRow;
  sid: string;
  refreshToken: string;
  remember: boolean;
}

const unauthenticated = () => new AppError('UNAUTHENTICATED', { location: '/login' });

function requirePhone(input: string | undefined, field = 'phone'): string {
  const phone = input ? normalizePhone(input) : null;
  if (!phone) throw new AppError('VALIDATION_FAILED', { errors: { [field]: 'phoneInvalid' } });
  return phone;
}

function checkNewPassword(password: string, field = 'password') {
  if (isCommonPassword(password)) {
    throw new AppError('VALIDATION_FAILED', { errors: { [field]: 'passwordTooCommon' } });
  }
}

/** The account string as the login guard and the lookup see it: lower-cased email or E.164 phone. */
function normalizeAccount(account: string): { provider: 'email' | 'phone'; subject: string } {
  const trimmed = account.trim();
  if (looksLikePhone(trimmed)) {
    return { provider: 'phone', subject: normalizePhone(trimmed) ?? trimmed };
  }
  return { provider: 'email', subject: trimmed.toLowerCase() };
}

/**
 * Registration, login, refresh and recovery. Every answer that could tell whether an account
 * exists is the same either way, and costs the same: a password is always hashed or verified.
 */
export function createAuthService(app: FastifyInstance) {
  const { users, passwords, captcha, smsCodes, linkTokens, notifier, sessions, redis } = app;
  const guard = createLoginGuard(redis);
  const site = app.config.SITE_ORIGIN;

  /**
   * Queues a message without waiting for it, on paths where waiting only when there is someone to
   * write to would show in the response time.
   */
  function sendUnawaited(
    template: TemplateName,
    to: string,
    locale: Locale,
    params: Record<string, string>,
  ) {
    notifier.send(template, to, locale, params).catch((err: unknown) => {
      app.log.error({ err, template }, 'could not queue a message');
    });
  }

  /** Work a request started but does not wait for; closing the app waits for it. */
  const unfinished = new Set<Promise<void>>();
  function afterAnswer(what: string, work: () => Promise<void>) {
    const task = work()
      .catch((err: unknown) => app.log.error({ err }, what))
      .finally(() => unfinished.delete(task));
    unfinished.add(task);
  }

  /** A pending account for a new address and its verification mail; a notice if it was taken. */
  async function createPending(
    body: RegisterEmail,
    caller: Caller,
    passwordHash: string,
    oauth: OAuthTicket | null,
  ) {
    let user: UserRow;
    try {
      user = await users.create(
        {
          nickname: body.nickname,
          passwordHash,
          status: 'pending',
          locale: caller.locale,
          registrationIp: caller.ip,
        },
        { kind: 'email', provider: 'email', subject: body.email, verifiedAt: null },
      );
    } catch (err) {
      // Someone registered the address a moment ago: it is taken like any other.
      if (!(err instanceof AppError && err.code === 'IDENTITY_TAKEN')) throw err;
      const owner = await users.findByIdentity('email', body.email);
      return noticeOwner(body.email, owner?.user.locale ?? caller.locale);
    }
    // Only a new account gets the provider: a taken address's owner did not ask for it.
    await attach(user.id, oauth);
    const token = linkTokens.sign('verify-email', user.id, VERIFY_EMAIL_TTL_SECONDS, body.email);
    await notifier.send('verify-email', body.email, user.locale, {
      nickname: user.nickname,
      link: `${site}/verify-email?token=${encodeURIComponent(token)}`,
    });
  }

  function noticeOwner(email: string, locale: Locale) {
    return notifier.send('email-registered', email, locale, { link: `${site}/forgot-password` });
  }

  async function fresh(id: number): Promise<UserRow> {
    const user = await users.findById(id);
    if (!user) throw unauthenticated();
    return user;
  }

  /** The account may start a session (its password or code already checked). */
  function assertCanLogIn(user: UserRow) {
    if (user.status === 'locked') throw new AppError('ACCOUNT_DISABLED');
    if (user.status === 'pending') {
      throw new AppError('ACCOUNT_PENDING', { location: '/verify-email' });
    }
  }

  async function attach(userId: number, oauth: OAuthTicket | null) {
    if (oauth) await attachPendingIdentity(app, userId, oauth.ticket, oauth.browser);
  }

  return {
    /**
     * Checks the captcha, then applies the SMS limits and sends a code, unless the purpose makes
     * no sense for this phone (register a taken one, log in to or reset an unknown one, move to a
     * taken one): then it only pretends to. `userId` is the caller for change-phone.
     */
    async requestSmsCode(body: SmsCodeRequest, caller: Caller, userId: number | null) {
      if (body.purpose === 'register' && !app.config.REGISTER_PHONE_ENABLED) {
        throw new AppError('REGISTRATION_CLOSED');
      }
      if (body.purpose === 'change-phone' && userId === null) throw unauthenticated();
      await captcha.check(body.captchaId, body.captchaText);
      const phone = requirePhone(body.phone);
      const owner = await users.findByIdentity('phone', phone);
      const deliver = body.purpose === 'login' || body.purpose === 'reset' ? !!owner : !owner;
      await smsCodes.request(phone, body.purpose, owner?.user.locale ?? caller.locale, deliver);
      return phone;
    },

    async registerPhone(
      body: RegisterPhone,
      caller: Caller,
      oauth: OAuthTicket | null,
    ): Promise<UserRow> {
      if (!app.config.REGISTER_PHONE_ENABLED) throw new AppError('REGISTRATION_CLOSED');
      const phone = requirePhone(body.phone);
      checkNewPassword(body.password);
      if (oauth) await checkPendingIdentity(app, oauth.ticket, oauth.browser);
      await smsCodes.consume(phone, 'register', body.code);
      const user = await users.create(
        {
          nickname: body.nickname,
          passwordHash: await passwords.hash(body.password),
          status: 'active',
          locale: caller.locale,
          registrationIp: caller.ip,
        },
        { kind: 'phone', provider: 'phone', subject: phone, verifiedAt: new Date() },
      );
      await attach(user.id, oauth);
      return user;
    },

    /**
     * A pending account and its verification mail; for a taken address, a notice to its owner.
     * The request does the same work either way (captcha, per-address cooldown, password hash,
     * one lookup) and the account is made after the answer, so its time tells nothing.
     */
    async registerEmail(
      body: RegisterEmail,
      caller: Caller,
      oauth: OAuthTicket | null,
    ): Promise<void> {
      if (!app.config.REGISTER_EMAIL_ENABLED) throw new AppError('REGISTRATION_CLOSED');
      await captcha.check(body.captchaId, body.captchaText);
      checkNewPassword(body.password);
      if (oauth) await checkPendingIdentity(app, oauth.ticket, oauth.browser);
      // One mail a minute to an address, whichever it is: a link or a notice.
      await cooldown(redis, `rl:register:${body.email}`, EMAIL_COOLDOWN_SECONDS);
      const passwordHash = await passwords.hash(body.password);
      const owner = await users.findByIdentity('email', body.email);
      afterAnswer('could not finish an email registration', () =>
        owner
          ? noticeOwner(body.email, owner.user.locale)
          : createPending(body, caller, passwordHash, oauth),
      );
    },

    /** Waits for the work requests left running (see registerEmail). */
    async settled(): Promise<void> {
      await Promise.all(unfinished);
    },

    async verifyEmail(token: string): Promise<UserRow> {
      const claims = await linkTokens.consume('verify-email', token);
      const user = await users.findById(claims.userId);
      const identity =
        user &&
        claims.email &&
        (await users.identities(user.id)).find(
          (i) => i.provider === 'email' && i.subject === claims.email,
        );
      if (!user || !identity) {
        throw new AppError('TOKEN_INVALID', { errors: { token: 'tokenInvalid' } });
      }
      await users.markVerified(user.id, 'email', identity.subject);
      if (user.status === 'pending') await users.update(user.id, { status: 'active' });
      const verified = await fresh(user.id);
      assertCanLogIn(verified);
      return verified;
    },

    /** A new link for an account still waiting for its email; nothing for any other address. */
    async resendVerification(email: string): Promise<void> {
      await cooldown(redis, `rl:resend:${email}`, EMAIL_COOLDOWN_SECONDS);
      const owner = await users.findByIdentity('email', email);
      if (!owner || owner.user.status !== 'pending' || owner.identity.verifiedAt) return;
      const token = linkTokens.sign('verify-email', owner.user.id, VERIFY_EMAIL_TTL_SECONDS, email);
      sendUnawaited('verify-email', email, owner.user.locale, {
        nickname: owner.user.nickname,
        link: `${site}/verify-email?token=${encodeURIComponent(token)}`,
      });
    },

    /**
     * Password login. After a few failures for the account or the IP a captcha is needed; after
     * many for the account it is locked for a while, right password or not.
     */
    async login(body: Login, caller: Caller, oauth: OAuthTicket | null): Promise<UserRow> {
      const account = normalizeAccount(body.account);
      if (await guard.needsCaptcha(account.subject, caller.ip)) {
        if (!body.captchaId || !body.captchaText) {
          throw new AppError('CAPTCHA_REQUIRED', { errors: { captchaText: 'required' } });
        }
        await captcha.check(body.captchaId, body.captchaText);
      }
      const locked = await guard.lockedUntil(account.subject);
      if (locked) throw new AppError('ACCOUNT_LOCKED', { params: { until: locked.toISOString() } });

      const found = await users.findByIdentity(account.provider, account.subject);
      const user = found?.user;
      if (user?.lockedUntil && user.lockedUntil > new Date()) {
        throw new AppError('ACCOUNT_LOCKED', {
          params: { until: user.lockedUntil.toISOString() },
        });
      }
      // Unknown accounts are checked against a dummy hash: the same work, the same time.
      const valid = await passwords.verify(user?.passwordHash, body.password);
      if (!valid || !user) {
        const lockUntil = await guard.recordFailure(account.subject, caller.ip);
        if (lockUntil) {
          if (user) await users.update(user.id, { lockedUntil: lockUntil });
          throw new AppError('ACCOUNT_LOCKED', { params: { until: lockUntil.toISOString() } });
        }
        throw new AppError('CREDENTIALS_INVALID');
      }
      assertCanLogIn(user);
      await guard.clear(account.subject);
      await attach(user.id, oauth);
      if (user.passwordHash && passwords.needsRehash(user.passwordHash)) {
        await users.update(user.id, { passwordHash: await passwords.hash(body.password) });
      }
      return user;
    },

    /**
     * Login with a code sent to the phone. The failure lock guards passwords only: a code proves
     * the phone, so it still lets its owner in.
     */
    async loginSms(body: LoginSms, oauth: OAuthTicket | null): Promise<UserRow> {
      const phone = requirePhone(body.phone);
      await smsCodes.consume(phone, 'login', body.code);
      const found = await users.findByIdentity('phone', phone);
      if (!found) throw new AppError('CODE_INVALID', { errors: { code: 'codeWrong' } });
      assertCanLogIn(found.user);
      await attach(found.user.id, oauth);
      return found.user;
    },

    /** Rotates a refresh token; a replayed one ends its session. */
    async refresh(token: string | undefined, caller: Caller): Promise<Refreshed> {
      if (!token) throw unauthenticated();
      const rotated = await sessions.rotate(token, { ip: caller.ip });
      if (rotated.kind === 'invalid') throw unauthenticated();
      if (rotated.kind === 'reused') {
        throw new AppError('SESSION_EXPIRED', { location: '/login' });
      }
      const user = await users.findById(rotated.session.userId);
      if (!user || user.status !== 'active') {
        await sessions.revoke(rotated.sid);
        if (user?.status === 'locked') throw new AppError('ACCOUNT_DISABLED');
        throw new AppError('SESSION_EXPIRED', { location: '/login' });
      }
      return {
        user,
        sid: rotated.sid,
        refreshToken: rotated.refreshToken,
        remember: rotated.session.remember,
      };
    },

    /** A reset link for an email account, a reset code for a phone one; for others, nothing. */
    async forgotPassword(input: string, caller: Caller): Promise<string> {
      if (looksLikePhone(input)) {
        const phone = requirePhone(input, 'account');
        const owner = await users.findByIdentity('phone', phone);
        await smsCodes.request(
          phone,
          'reset',
          owner?.user.locale ?? caller.locale,
          !!owner,
          'account',
        );
        return phone;
      }
      const parsed = EmailSchema.safeParse(input);
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', { errors: { account: 'emailInvalid' } });
      }
      const email = parsed.data;
      await cooldown(redis, `rl:forgot:${email}`, EMAIL_COOLDOWN_SECONDS);
      const owner = await users.findByIdentity('email', email);
      if (owner) {
        const token = linkTokens.sign(
          'reset-password',
          owner.user.id,
          RESET_PASSWORD_TTL_SECONDS,
          email,
        );
        sendUnawaited('reset-password', email, owner.user.locale, {
          nickname: owner.user.nickname,
          link: `${site}/reset-password?token=${encodeURIComponent(token)}`,
        });
      }
      return email;
    },

    /**
     * Sets a new password from a reset link or code and ends every session. A link proves the
     * address, so it also confirms a pending account; either way the temporary lock is lifted.
     */
    async resetPassword(body: ResetPassword): Promise<void> {
      checkNewPassword(body.password);
      let user: UserRow | undefined;
      let provenEmail: string | undefined;
      if (body.token) {
        const claims = await linkTokens.consume('reset-password', body.token);
        user = await users.findById(claims.userId);
        if (!user) throw new AppError('TOKEN_INVALID', { errors: { token: 'tokenInvalid' } });
        provenEmail = claims.email;
      } else {
        const phone = requirePhone(body.phone);
        await smsCodes.consume(phone, 'reset', body.code ?? '');
        user = (await users.findByIdentity('phone', phone))?.user;
        if (!user) throw new AppError('CODE_INVALID', { errors: { code: 'codeWrong' } });
      }
      const identities = await users.identities(user.id);
      const proven = identities.some((i) => i.provider === 'email' && i.subject === provenEmail);
      await users.update(user.id, {
        passwordHash: await passwords.hash(body.password),
        lockedUntil: null,
        ...(proven && user.status === 'pending' && { status: 'active' as const }),
      });
      if (proven && provenEmail) await users.markVerified(user.id, 'email', provenEmail);
      await sessions.revokeAll(user.id);
      for (const i of identities) {
        if (i.provider === 'email' || i.provider === 'phone') await guard.clear(i.subject);
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
