import {
  AcceptedSchema,
  AuthResultSchema,
  Envelope,
  ForgotPasswordBody,
  LoginBody,
  LoginSmsBody,
  noticeMessage,
  RegisterEmailBody,
  RegisterPhoneBody,
  ResendVerificationBody,
  ResetPasswordBody,
  SmsCodeBody,
  SmsCodeResultSchema,
  TokenBody,
} from '@folio/schema';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors';
import { looksLikePhone } from '../../lib/phones';
import { failures, ok, optionalAuth } from '../../lib/route-schema';
import { OAUTH_BROWSER_COOKIE } from '../oauth/pending';
import type { UserRow } from '../users/repository';
import { REFRESH_COOKIE_PATH } from '../sessions/service';
import { DEVICE_COOKIE, DEVICE_TTL_SECONDS } from './login-guard';
import { SMS_CODE_TTL_SECONDS, SMS_COOLDOWN_SECONDS } from './sms-codes';
import { clientMeta, setCookie } from '../sessions/http';
import type { Caller, OAuthTicket } from './service';

const HOUR = 3_600_000;
/**
 * Per-IP limits, counted in Redis by the rate-limit plugin (keys `rl:<route>-<ip>`). The ones for
 * login, refresh and verify-email leave room for an office behind one address; they stop floods
 * (each login hashes a password), not people.
 */
export const IP_LIMITS = {
  login: { max: 200, timeWindow: HOUR / 4 },
  refresh: { max: 600, timeWindow: HOUR / 4 },
  verifyEmail: { max: 60, timeWindow: HOUR },
  smsCodes: { max: 20, timeWindow: HOUR },
  registerPhone: { max: 20, timeWindow: HOUR },
  registerEmail: { max: 20, timeWindow: HOUR },
  resendVerification: { max: 10, timeWindow: HOUR },
  loginSms: { max: 30, timeWindow: HOUR / 4 },
  forgotPassword: { max: 20, timeWindow: HOUR },
  resetPassword: { max: 30, timeWindow: HOUR },
} as const;

const accepted = { accepted: true as const };
const caller = (request: FastifyRequest): Caller => ({
  ip: request.ip,
  locale: request.locale,
  userAgent: request.headers['user-agent'] ?? null,
});
const oauthTicket = (request: FastifyRequest, ticket: string | undefined): OAuthTicket | null =>
  ticket ? { ticket, browser: request.cookies[OAUTH_BROWSER_COOKIE] } : null;

/**
 * Registration, login, sessions and recovery under `/auth`. HTTP only: cookies, statuses and
 * messages here; the rules in service.ts.
 */
const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const auth = app.authService;
  const sessions = app.sessions;
  const tags = ['auth'];
  /** Starts the session of a user who just proved who they are, and sets its cookie. */
  const logIn = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: UserRow,
    remember: boolean,
  ) => {
    const issued = await sessions.start(user, { ...clientMeta(request), remember });
    setCookie(reply, issued.cookie);
    return issued.result;
  };

  app.post(
    '/auth/sms-codes',
    {
      config: { rateLimit: IP_LIMITS.smsCodes },
      onRequest: (request) => app.limitSmsNetwork(request),
      schema: {
        tags,
        summary: 'Send a 6-digit SMS code (captcha first; change-phone needs a login)',
        description:
          'Answers the same whether or not the purpose fits the phone (register a taken phone, ' +
          'log in to or reset an unknown one, move to a taken one); then nothing is sent. ' +
          'One code per phone and purpose a minute, ten per phone a day, 20 requests per IP and 60 ' +
          'per /24 (IPv4) or /56 (IPv6) network an hour. Only the countries in SMS_COUNTRIES get ' +
          'codes; when the hourly SMS budget is spent every request answers 503 until the next hour.',
        body: SmsCodeBody,
        security: optionalAuth,
        response: { 202: Envelope(SmsCodeResultSchema), ...failures(401, 403) },
      },
    },
    async (request, reply) => {
      let userId: number | null = null;
      if (request.body.purpose === 'change-phone') {
        await app.authenticate(request, reply);
        userId = request.auth?.userId ?? null;
      }
      const phone = await auth.requestSmsCode(request.body, caller(request), userId);
      reply.code(202);
      return ok(
        { cooldownSeconds: SMS_COOLDOWN_SECONDS, expiresInSeconds: SMS_CODE_TTL_SECONDS },
        { msg: noticeMessage('smsCodeSent', request.locale, { phone }) },
      );
    },
  );

  app.post(
    '/auth/register/phone',
    {
      config: { rateLimit: IP_LIMITS.registerPhone },
      schema: {
        tags,
        summary: 'Register with a phone and its register code; logs the new account in',
        body: RegisterPhoneBody,
        response: { 201: Envelope(AuthResultSchema), ...failures(403, 409) },
      },
    },
    async (request, reply) => {
      const user = await auth.registerPhone(
        request.body,
        caller(request),
        oauthTicket(request, request.body.oauthTicket),
      );
      const result = await logIn(request, reply, user, false);
      reply.code(201);
      const { siteName } = await app.siteSettings.get();
      return ok(result, {
        msg: noticeMessage('registered', request.locale, { site: siteName }),
        location: '/',
      });
    },
  );

  app.post(
    '/auth/register/email',
    {
      config: { rateLimit: IP_LIMITS.registerEmail },
      schema: {
        tags,
        summary: 'Register with an email: a pending account and a 24-hour verification link',
        description:
          'Answers the same for an address that already has an account; its owner is mailed a ' +
          'notice instead.',
        body: RegisterEmailBody,
        response: { 202: Envelope(AcceptedSchema), ...failures(403) },
      },
    },
    async (request, reply) => {
      await auth.registerEmail(
        request.body,
        caller(request),
        oauthTicket(request, request.body.oauthTicket),
      );
      reply.code(202);
      return ok(accepted, {
        msg: noticeMessage('checkInbox', request.locale, { email: request.body.email }),
        location: '/verify-email',
      });
    },
  );

  app.post(
    '/auth/verify-email',
    {
      config: { rateLimit: IP_LIMITS.verifyEmail },
      schema: {
        tags,
        summary: 'Follow a verification link: activates the account and logs it in',
        description: '60 requests per IP an hour.',
        body: TokenBody,
        response: { 200: Envelope(AuthResultSchema), ...failures(403) },
      },
    },
    async (request, reply) => {
      const user = await auth.verifyEmail(request.body.token);
      const result = await logIn(request, reply, user, false);
      return ok(result, { msg: noticeMessage('emailVerified', request.locale), location: '/' });
    },
  );

  app.post(
    '/auth/verify-email/resend',
    {
      config: { rateLimit: IP_LIMITS.resendVerification },
      schema: {
        tags,
        summary: 'Send a new verification link to an account that is still pending',
        description: 'Answers the same for every address; one request per address a minute.',
        body: ResendVerificationBody,
        response: { 202: Envelope(AcceptedSchema) },
      },
    },
    async (request, reply) => {
      await auth.resendVerification(request.body.email);
      reply.code(202);
      return ok(accepted, {
        msg: noticeMessage('verificationResent', request.locale, { email: request.body.email }),
      });
    },
  );

  app.post(
    '/auth/login',
    {
      config: { rateLimit: IP_LIMITS.login },
      schema: {
        tags,
        summary: 'Log in with an email or phone and a password; sets the refresh cookie',
        description:
          "After the `captchaAfterFailedLogins` setting's failures for the account (3 unless staff " +
          'changed it; 0: always), or 30 from the IP, within 15 minutes a captcha is ' +
          'required (CAPTCHA_REQUIRED; the failure that makes it so answers CREDENTIALS_INVALID with ' +
          '`captchaRequired: true`), except from a browser that logged in to the account before (its ' +
          '`folio_device` cookie). From the 5th failure within an hour, one source (that browser, ' +
          'else the IP) waits 1 s, 2 s, 4 s ... up to 15 minutes before its next try for the account ' +
          '(ACCOUNT_LOCKED with Retry-After); other sources and SMS-code login are not held up. ' +
          '200 requests per IP in 15 minutes.',
        body: LoginBody,
        response: { 200: Envelope(AuthResultSchema), ...failures(401, 403) },
      },
    },
    async (request, reply) => {
      const { user, device } = await auth.login(
        request.body,
        { ...caller(request), device: request.cookies[DEVICE_COOKIE] },
        oauthTicket(request, request.body.oauthTicket),
      );
      reply.setCookie(DEVICE_COOKIE, device, {
        path: REFRESH_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'strict',
        secure: app.config.NODE_ENV === 'production',
        maxAge: DEVICE_TTL_SECONDS,
      });
      return ok(await logIn(request, reply, user, request.body.remember ?? false));
    },
  );

  app.post(
    '/auth/login/sms',
    {
      config: { rateLimit: IP_LIMITS.loginSms },
      schema: {
        tags,
        summary: 'Log in with a phone and its login code; sets the refresh cookie',
        body: LoginSmsBody,
        response: { 200: Envelope(AuthResultSchema), ...failures(403) },
      },
    },
    async (request, reply) => {
      const user = await auth.loginSms(
        request.body,
        oauthTicket(request, request.body.oauthTicket),
      );
      return ok(await logIn(request, reply, user, request.body.remember ?? false));
    },
  );

  app.post(
    '/auth/refresh',
    {
      config: { rateLimit: IP_LIMITS.refresh },
      schema: {
        tags,
        summary: 'Trade the refresh cookie for a new one and a new access token',
        description:
          'The cookie is rotated on every use. Presenting an older token of the same session ends ' +
          'the session, however many rotations ago it was traded, except the one traded within the ' +
          'last 10 s, which answers the same new token (two tabs refreshing at once). ' +
          'The request needs `Origin` equal to the site (for a plain-http loopback site, any of ' +
          'localhost, 127.0.0.1 and [::1] on its port), or `Sec-Fetch-Site: same-origin` without ' +
          'an Origin (ORIGIN_FORBIDDEN otherwise). The cookie is `__Secure-folio_refresh` in ' +
          'production, `folio_refresh` elsewhere. 600 requests per IP in 15 minutes.',
        response: { 200: Envelope(AuthResultSchema), ...failures(401, 403) },
      },
    },
    async (request, reply) => {
      sessions.assertSameSite(request.headers);
      try {
        const issued = await sessions.refresh(
          request.cookies[sessions.cookieName],
          clientMeta(request),
        );
        setCookie(reply, issued.cookie);
        return ok(issued.result);
      } catch (err) {
        if (err instanceof AppError) setCookie(reply, sessions.clearedCookie());
        throw err;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'End this session at once (by the access token, else the refresh cookie)',
        security: optionalAuth,
        response: { 200: Envelope(AcceptedSchema) },
      },
    },
    async (request, reply) => {
      let sid: string | null = null;
      if (request.headers.authorization) {
        try {
          await app.authenticate(request, reply);
          sid = request.auth?.sid ?? null;
        } catch (err) {
          // An expired or ended access token still lets the cookie name the session.
          if (!(err instanceof AppError)) throw err;
        }
      }
      sid ??= await sessions.sessionOf(request.cookies[sessions.cookieName]);
      if (sid) await sessions.end(sid);
      setCookie(reply, sessions.clearedCookie());
      return ok(accepted, { msg: noticeMessage('loggedOut', request.locale) });
    },
  );

  app.post(
    '/auth/password/forgot',
    {
      config: { rateLimit: IP_LIMITS.forgotPassword },
      // A reset by phone sends an SMS: it counts against the network's SMS limit too.
      preHandler: async (request) => {
        if (looksLikePhone(request.body.account)) await app.limitSmsNetwork(request);
      },
      schema: {
        tags,
        summary: 'Send a reset link (email, 1 hour) or a reset code (phone)',
        description:
          'Answers the same for every account; one request per address or phone a minute.',
        body: ForgotPasswordBody,
        response: { 202: Envelope(AcceptedSchema) },
      },
    },
    async (request, reply) => {
      const account = await auth.forgotPassword(request.body.account, caller(request));
      reply.code(202);
      return ok(accepted, { msg: noticeMessage('resetSent', request.locale, { account }) });
    },
  );

  app.post(
    '/auth/password/reset',
    {
      config: { rateLimit: IP_LIMITS.resetPassword },
      schema: {
        tags,
        summary: 'Set a new password with a reset link token or a phone and its code',
        description: 'Ends every session of the account; log in again with the new password.',
        body: ResetPasswordBody,
        response: { 200: Envelope(AcceptedSchema) },
      },
    },
    async (request) => {
      await auth.resetPassword(request.body, caller(request));
      return ok(accepted, {
        msg: noticeMessage('passwordReset', request.locale),
        location: '/login',
      });
    },
  );
};

export default authRoutes;
