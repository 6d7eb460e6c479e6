import type { ErrorCode, OAuthPending, OAuthProvider } from '@folio/schema';
import { safeNextPath } from '@folio/schema';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config';
import { AppError, NotFound } from '../../lib/errors';
import { loginRefusal } from '../sessions/service';
import type { UserRow } from '../users/repository';
import {
  bindIdentity,
  OAUTH_TTL_SECONDS,
  peekPending,
  sameSecret,
  savePending,
  type PendingDeps,
} from './pending';
import {
  createOAuthClients,
  type AuthorizationChecks,
  type OAuthClient,
  type ProviderAccount,
} from './providers';

export type OAuthIntent = 'login' | 'bind';

/** A started sign-in, at `oauth:state:<state>` until the provider sends the browser back. */
interface StartedSignIn extends AuthorizationChecks {
  provider: string;
  intent: OAuthIntent;
  userId: number | null;
  next: string;
  browser: string;
}

/** Where the callback sends the browser, and whom it logs in on the way. */
export interface CallbackOutcome {
  location: string;
  loginUser?: UserRow;
}

const stateKey = (state: string) => `oauth:state:${state}`;
/** States are 43 characters; anything much longer is not one of ours. */
const MAX_STATE_LENGTH = 128;
const MAX_SUBJECT_LENGTH = 255;

const CONNECTIONS_PATH = '/account/connections';

export interface OAuthDeps extends PendingDeps {
  config: Config;
}

export function createOAuthService(app: OAuthDeps) {
  const clients = createOAuthClients(app.config);
  const site = app.config.SITE_ORIGIN;

  const url = (path: string, params: Record<string, string | undefined> = {}) => {
    const target = new URL(path, site);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) target.searchParams.set(k, v);
    return target.href;
  };
  const nextParam = (next: string) => (next === '/' ? undefined : next);

  function failure(err: AppError, intent: OAuthIntent, next: string): string {
    if (intent === 'bind') return url(CONNECTIONS_PATH, { oauthError: err.code });
    return url('/login', {
      oauthError: err.code,
      until: err.params?.until as string | undefined,
      next: nextParam(next),
    });
  }

  function client(id: string): OAuthClient {
    const found = clients.get(id);
    if (!found) throw NotFound('oauthProviderNotFound');
    return found;
  }

  /** The started sign-in a state stands for: used up at once, and only from its own browser. */
  async function takeState(
    state: string | undefined,
    provider: string,
    browser: string | undefined,
  ): Promise<StartedSignIn | null> {
    if (!state || state.length > MAX_STATE_LENGTH) return null;
    const raw = await app.redis.getdel(stateKey(state));
    const started = raw ? (JSON.parse(raw) as StartedSignIn) : null;
    if (!started || started.provider !== provider || !sameSecret(started.browser, browser)) {
      return null;
    }
    return started;
  }

  async function login(started: StartedSignIn, c: OAuthClient, account: ProviderAccount) {
    const found = await app.users.findByIdentity(c.id, account.subject);
    if (!found) {
      const ticket = await savePending(app.redis, {
        ...account,
        provider: c.id,
        browser: started.browser,
      });
      return { location: url('/login', { oauth: ticket, next: nextParam(started.next) }) };
    }
    const refusal = loginRefusal(found.user);
    if (refusal) return { location: failure(refusal, 'login', started.next) };
    return { location: url(started.next), loginUser: found.user };
  }

  async function bind(started: StartedSignIn, c: OAuthClient, account: ProviderAccount) {
    const user = started.userId ? await app.users.findById(started.userId) : undefined;
    if (!user) throw new AppError('SESSION_EXPIRED');
    await bindIdentity(app, user.id, { ...account, provider: c.id });
    return { location: url(CONNECTIONS_PATH, { bound: c.id }) };
  }

  return {
    providers(): OAuthProvider[] {
      return [...clients.values()].map((c) => c.summary);
    },

    /** What a pending ticket stands for, for the browser that made it. */
    async pending(ticket: string, browser: string | undefined): Promise<OAuthPending> {
      const pending = await peekPending(app.redis, ticket, browser);
      const c = clients.get(pending.provider);
      if (!c) throw new AppError('TOKEN_INVALID');
      return { provider: c.summary, email: pending.email, name: pending.name };
    },

    /** Saves what the callback will check and answers the provider URL to send the browser to. */
    async start(
      providerId: string,
      options: { intent: OAuthIntent; next?: string; userId: number | null; browser: string },
    ): Promise<string> {
      const c = client(providerId);
      const { url: authorizationUrl, checks } = await c.authorizationUrl();
      const started: StartedSignIn = {
        ...checks,
        provider: c.id,
        intent: options.intent,
        userId: options.userId,
        next: safeNextPath(options.next),
        browser: options.browser,
      };
      await app.redis.set(stateKey(checks.state), JSON.stringify(started), 'EX', OAUTH_TTL_SECONDS);
      return authorizationUrl;
    },

    /**
     * The provider sent the browser back. Every problem with the state, the provider's answer or
     * the account becomes a redirect to the SPA with `oauthError=<code>`, so a person never lands on
     * a bare JSON error; only Redis being down throws (503).
     */
    async callback(
      providerId: string,
      query: { state?: string },
      callbackUrl: URL,
      browser: string | undefined,
      log: FastifyBaseLogger,
    ): Promise<CallbackOutcome> {
      const c = clients.get(providerId);
      const started = c ? await takeState(query.state, c.id, browser) : null;
      if (!c || !started) {
        return { location: url('/login', { oauthError: 'TOKEN_INVALID' satisfies ErrorCode }) };
      }
      try {
        const account = await c.exchange(callbackUrl, started, log);
        if (account.subject.length > MAX_SUBJECT_LENGTH) throw new AppError('OAUTH_FAILED');
        return started.intent === 'bind'
          ? await bind(started, c, account)
          : await login(started, c, account);
      } catch (err) {
        if (!(err instanceof AppError) || err.statusCode >= 500) {
          log.error({ err, provider: c.id }, 'oauth callback failed');
        }
        const known = err instanceof AppError ? err : new AppError('OAUTH_FAILED');
        return { location: failure(known, started.intent, started.next) };
      }
    },
  };
}

export type OAuthService = ReturnType<typeof createOAuthService>;
