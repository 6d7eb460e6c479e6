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
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../../config';
import type { AuditLog } from '../audit/service';
import { AppError } from '../../lib/errors';
import { cooldown } from '../../lib/throttle';
import { looksLikePhone, normalizePhone } from '../../lib/phones';
import type { LinkTokens } from '../../lib/link-tokens';
import { isCommonPassword, type PasswordHasher } from '../../lib/passwords';
import type { CaptchaService } from '../captcha/service';
import type { Notifier } from '../messaging/queue';
import type { TemplateName } from '../messaging/templates';
import { attachPendingIdentity, checkPendingIdentity } from '../oauth/pending';
import type { SessionService } from '../sessions/service';
import type { SettingsService } from '../settings/service';
import type { UserRepository, UserRow } from '../users/repository';
import { createLoginGuard } from './login-guard';
import type { SmsCodes } from './sms-codes';

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
  userAgent?: string | null;
}

const contextOf = (caller: Caller, actorId: number | null = null) => ({
  actorId,
  ip: caller.ip,
  userAgent: caller.userAgent?.slice(0, 512) ?? null,
});

/** An unbound OAuth sign-in to attach to the account being made or logged into. */
export interface OAuthTicket {
  ticket: string;
  /** The browser's `folio_oauth` cookie: a ticket only works in the browser that signed in. */
  browser: string | undefined;
}

export interface AuthDeps {
  config: Config;
  log: FastifyBaseLogger;
  redis: Redis;
  users: UserRepository;
  passwords: PasswordHasher;
  captcha: CaptchaService;
  smsCodes: SmsCodes;
  linkTokens: LinkTokens;
  notifier: Notifier;
  sessions: SessionService;
  audit: Pick<AuditLog, 'record'>;
  /** The site's settings: which ways of registering are open, when login needs a captcha. */
  settings: Pick<SettingsService, 'get'>;
}

/** This source must wait before it tries this account again. */
const tooManyFailures = (until: Date) =>
  new AppError('ACCOUNT_LOCKED', {
    params: { until: until.toISOString() },
    retryAfter: Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)),
  });

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
export function createAuthService(deps: AuthDeps) {
  const { config, users, passwords, captcha, smsCodes, linkTokens, notifier, sessions, redis } =
    deps;
  const registration = async () => (await deps.settings.get()).registration;
  const guard = createLoginGuard(redis);
  const site = config.SITE_ORIGIN;

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
      deps.log.error({ err, template }, 'could not queue a message');
    });
  }

  /** Makes the pending account of an email registration; null when the address is taken. */
  async function createPending(
    body: RegisterEmail,
    caller: Caller,
    passwordHash: string,
  ): Promise<UserRow | null> {
    try {
      return await users.create(
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
      if (err instanceof AppError && err.code === 'IDENTITY_TAKEN') return null;
      throw err;
    }
  }

  async function fresh(id: number): Promise<UserRow> {
    const user = await users.findById(id);
    if (!user) throw unauthenticated();
    return user;
  }

  async function attach(userId: number, oauth: OAuthTicket | null) {
    if (oauth) await attachPendingIdentity(deps, userId, oauth.ticket, oauth.browser);
  }

  return {
    /**
     * Checks the captcha, then applies the SMS limits and sends a code, unless the purpose makes
     * no sense for this phone (register a taken one, log in to or reset an unknown one, move to a
     * taken one): then it only pretends to. `userId` is the caller for change-phone.
     */
    async requestSmsCode(body: SmsCodeRequest, caller: Caller, userId: number | null) {
      if (body.purpose === 'register' && !(await registration()).phone) {
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
      if (!(await registration()).phone) throw new AppError('REGISTRATION_CLOSED');
      const phone = requirePhone(body.phone);
      checkNewPassword(body.password);
      if (oauth) await checkPendingIdentity(deps, oauth.ticket, oauth.browser);
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
     * Both cost the same: no lookup first, the account's transaction either way (a taken
     * address's unique key rolls it back), then one queued mail.
     */
    async registerEmail(
      body: RegisterEmail,
      caller: Caller,
      oauth: OAuthTicket | null,
    ): Promise<void> {
      if (!(await registration()).email) throw new AppError('REGISTRATION_CLOSED');
      await captcha.check(body.captchaId, body.captchaText);
      checkNewPassword(body.password);
      if (oauth) await checkPendingIdentity(deps, oauth.ticket, oauth.browser);
      // One mail a minute to an address, whichever it is: a link or a notice.
      await cooldown(redis, `rl:register:${body.email}`, EMAIL_COOLDOWN_SECONDS);
      const user = await createPending(body, caller, await passwords.hash(body.password));
      if (!user) {
        const owner = await users.findByIdentity('email', body.email);
        await notifier.send('email-registered', body.email, owner?.user.locale ?? caller.locale, {
          link: `${site}/forgot-password`,
        });
        return;
      }
      // Only a new account gets the provider: a taken address's owner did not ask for it.
      await attach(user.id, oauth);
      const token = linkTokens.sign('verify-email', user.id, VERIFY_EMAIL_TTL_SECONDS, body.email);
      await notifier.send('verify-email', body.email, user.locale, {
        nickname: user.nickname,
        link: `${site}/verify-email?token=${encodeURIComponent(token)}`,
      });
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
      sessions.assertMayLogIn(verified);
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
     * Password login. After a few failures for the account or the IP a stranger needs a captcha;
     * a source that keeps failing for the account waits longer each time. Neither stops the owner
     * on a device that logged in before, and an SMS code always gets in.
     */
    async login(
      body: Login,
      caller: Caller & { device?: string | undefined },
      oauth: OAuthTicket | null,
    ): Promise<{ user: UserRow; device: string }> {
      const account = normalizeAccount(body.account);
      const found = await users.findByIdentity(account.provider, account.subject);
      const user = found?.user;
      const source = {
        ip: caller.ip,
        knownDevice: await guard.knownDevice(user?.id, caller.device),
      };
      const { captchaAfterFailedLogins } = await deps.settings.get();
      if (await guard.needsCaptcha(account.subject, source, captchaAfterFailedLogins)) {
        if (!body.captchaId || !body.captchaText) {
          throw new AppError('CAPTCHA_REQUIRED', { errors: { captchaText: 'required' } });
        }
        await captcha.check(body.captchaId, body.captchaText);
      }
      const wait = await guard.waitUntil(account.subject, source);
      if (wait) throw tooManyFailures(wait);

      // Unknown accounts are checked against a dummy hash: the same work, the same time.
      const valid = await passwords.verify(user?.passwordHash, body.password);
      if (!valid || !user) {
        await deps.audit.record(contextOf(caller), {
          action: 'login.failed',
          ...(user && { target: { type: 'user' as const, id: user.id } }),
          after: { account: account.subject },
        });
        const until = await guard.recordFailure(account.subject, source);
        if (until) throw tooManyFailures(until);
        // Said now, so the form shows the picture before the person tries again.
        const captchaRequired = await guard.needsCaptcha(
          account.subject,
          source,
          captchaAfterFailedLogins,
        );
        throw new AppError('CREDENTIALS_INVALID', { captchaRequired });
      }
      sessions.assertMayLogIn(user);
      await guard.clear(account.subject, source);
      await attach(user.id, oauth);
      if (user.passwordHash && passwords.needsRehash(user.passwordHash)) {
        await users.update(user.id, { passwordHash: await passwords.hash(body.password) });
      }
      return { user, device: await guard.rememberDevice(user.id, caller.device) };
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
      sessions.assertMayLogIn(found.user);
      await attach(found.user.id, oauth);
      return found.user;
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
    async resetPassword(body: ResetPassword, caller: Caller): Promise<void> {
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
        ...(proven && user.status === 'pending' && { status: 'active' as const }),
      });
      if (proven && provenEmail) await users.markVerified(user.id, 'email', provenEmail);
      await sessions.endAll(user.id);
      await deps.audit.record(contextOf(caller, user.id), {
        action: 'password.reset',
        target: { type: 'user', id: user.id },
        after: { by: body.token ? 'email' : 'phone' },
      });
      for (const i of identities) {
        if (i.provider === 'email' || i.provider === 'phone') await guard.clearAll(i.subject);
      }
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
