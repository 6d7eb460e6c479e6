import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ClientMetadata } from 'oidc-provider';

/** What the provider says about an account (its `sub` is the key it is kept under). */
export interface TestAccount {
  email?: string;
  name?: string;
}

/**
 * A real OpenID provider (oidc-provider) on a free port of 127.0.0.1. Its login and consent pages
 * are two tiny JSON endpoints a test "browser" (`signIn`) fills in, as a person would the forms:
 * GET /interaction/:uid says which prompt it is, POST /interaction/:uid/login {sub} logs in,
 * POST /interaction/:uid/confirm grants what the client asked for.
 */
export async function startOidcServer(options: { clients: ClientMetadata[] }) {
  const accounts = new Map<string, TestAccount>();
  /** Token endpoint refusals, e.g. a wrong PKCE verifier. */
  const grantErrors: string[] = [];

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: options.clients,
    jwks: {
      keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' }],
    },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            ...(account.email && { email: account.email, email_verified: true }),
            ...(account.name && { name: account.name }),
          };
        },
      };
    },
  });
  provider.on('grant.error', (_ctx, err) => {
    const e = err as { message: string; error_detail?: string };
    grantErrors.push(`${e.message}: ${e.error_detail ?? ''}`);
  });

  const oidc = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/login|\/confirm)?$/.exec(req.url ?? '');
    if (!match) return oidc(req, res);
    interaction(req, res, match[2]).catch((err: Error) => {
      res.statusCode = 500;
      res.end(err.message);
    });
  });

  async function interaction(req: IncomingMessage, res: ServerResponse, action?: string) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET' && !action) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
      return;
    }
    if (action === '/login') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const sub = new URLSearchParams(body).get('sub') ?? '';
      const result = accounts.has(sub)
        ? { login: { accountId: sub } }
        : { error: 'access_denied', error_description: 'unknown account' };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    const accountId = details.session!.accountId;
    const grant = details.grantId
      ? (await provider.Grant.find(details.grantId))!
      : new provider.Grant({ accountId, clientId: details.params.client_id! });
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: details.grantId ? {} : { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  return {
    issuer,
    accounts,
    grantErrors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type OidcServer = Awaited<ReturnType<typeof startOidcServer>>;

/**
 * A browser with its own cookies at the provider: follows redirects from `url`, logs in as `sub` and
 * consents when asked, and stops at the first URL outside the provider (the app's callback).
 */
export async function signIn(url: string, sub: string): Promise<URL> {
  const jar = new Map<string, string>();
  const origin = new URL(url).origin;
  let next = new URL(url);
  let method = 'GET';
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 20; step += 1) {
    if (next.origin !== origin) return next;
    const res = await fetch(next, {
      method,
      body,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value = ''] = pair!.trim().split(/=(.*)/s);
      const expired = attributes.some((a) => /^\s*expires=.*1970/i.test(a)) || value === '';
      if (expired) jar.delete(name!);
      else jar.set(name!, value);
    }
    method = 'GET';
    body = undefined;
    if (res.status >= 300 && res.status < 400) {
      next = new URL(res.headers.get('location')!, next);
      continue;
    }
    if (res.status === 200 && next.pathname.startsWith('/interaction/')) {
      const { prompt } = (await res.json()) as { prompt: string };
      method = 'POST';
      if (prompt === 'login') {
        next = new URL(`${next.pathname}/login`, next);
        body = new URLSearchParams({ sub });
      } else {
        next = new URL(`${next.pathname}/confirm`, next);
      }
      continue;
    }
    throw new Error(`the provider answered ${res.status} at ${next.href}: ${await res.text()}`);
  }
  throw new Error('too many redirects at the provider');
}
