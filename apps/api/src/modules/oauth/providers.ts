import type { OAuthProvider } from '@folio/schema';
import type { FastifyBaseLogger } from 'fastify';
import * as client from 'openid-client';
import type { Config, OAuthProviderConfig } from '../../config';
import { AppError, Unavailable } from '../../lib/errors';

/** Who signed in at the provider. */
export interface ProviderAccount {
  subject: string;
  email: string | null;
  name: string | null;
}

/** The checks saved when the sign-in started, proved again when the provider sends the code back. */
export interface AuthorizationChecks {
  state: string;
  codeVerifier: string;
  /** Only for OpenID Connect providers (an ID token carries it back). */
  nonce: string | null;
}

const REQUEST_TIMEOUT_SECONDS = 10;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * One configured provider. OpenID Connect providers are found by discovery from their issuer (once,
 * then cached); plain OAuth 2 providers by their three endpoints, reading the account from userinfo.
 */
export class OAuthClient {
  readonly id: string;
  readonly name: string;
  readonly oidc: boolean;
  #settings: OAuthProviderConfig;
  #configuration: Promise<client.Configuration> | null = null;
  #insecure: boolean;

  constructor(
    settings: OAuthProviderConfig,
    private readonly siteOrigin: string,
    production: boolean,
  ) {
    this.id = settings.id;
    this.name = settings.name;
    this.oidc = 'issuer' in settings;
    this.#settings = settings;
    // Tests and local set-ups run providers on http://; production settings must be https://.
    this.#insecure = !production;
  }

  get redirectUri(): string {
    return `${this.siteOrigin}/api/v1/auth/oauth/${this.id}/callback`;
  }

  get summary(): OAuthProvider {
    return { id: this.id, name: this.name };
  }

  #configure(): Promise<client.Configuration> {
    const s = this.#settings;
    const metadata = { client_secret: s.clientSecret, redirect_uris: [this.redirectUri] };
    const execute = this.#insecure ? [client.allowInsecureRequests] : [];
    if ('issuer' in s) {
      return client.discovery(new URL(s.issuer), s.clientId, metadata, undefined, {
        execute,
        timeout: REQUEST_TIMEOUT_SECONDS,
      });
    }
    const configuration = new client.Configuration(
      {
        // Plain OAuth 2 has no issuer; an ID token or `iss` a provider adds anyway is checked against its origin.
        issuer: new URL(s.authorizationUrl).origin,
        authorization_endpoint: s.authorizationUrl,
        token_endpoint: s.tokenUrl,
        userinfo_endpoint: s.userinfoUrl,
      },
      s.clientId,
      metadata,
    );
    configuration.timeout = REQUEST_TIMEOUT_SECONDS;
    for (const step of execute) step(configuration);
    return Promise.resolve(configuration);
  }

  /** The provider's configuration; a failed discovery is tried again on the next sign-in. */
  async configuration(): Promise<client.Configuration> {
    this.#configuration ??= this.#configure();
    try {
      return await this.#configuration;
    } catch (err) {
      this.#configuration = null;
      throw Unavailable(this.name, err);
    }
  }

  /** Where to send the browser: the provider's authorization endpoint with state, PKCE and nonce. */
  async authorizationUrl(): Promise<{ url: string; checks: AuthorizationChecks }> {
    const configuration = await this.configuration();
    const checks: AuthorizationChecks = {
      state: client.randomState(),
      codeVerifier: client.randomPKCECodeVerifier(),
      nonce: this.oidc ? client.randomNonce() : null,
    };
    const params: Record<string, string> = {
      redirect_uri: this.redirectUri,
      response_type: 'code',
      state: checks.state,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      ...(checks.nonce && { nonce: checks.nonce }),
      ...(this.#settings.scope && { scope: this.#settings.scope }),
    };
    return { url: client.buildAuthorizationUrl(configuration, params).href, checks };
  }

  /**
   * Trades the code the browser brought back for tokens (sending the PKCE verifier) and reads the
   * account. OAUTH_FAILED when the provider said no or its answer does not check out.
   */
  async exchange(
    callbackUrl: URL,
    checks: AuthorizationChecks,
    log: FastifyBaseLogger,
  ): Promise<ProviderAccount> {
    const configuration = await this.configuration();
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        ...(checks.nonce ? { expectedNonce: checks.nonce } : { idTokenExpected: false }),
      });
      if (!this.oidc) return await this.#plainUserinfo(configuration, tokens.access_token);
      // An ID token is required here (a nonce was sent) and names the account; userinfo adds to it.
      const idClaims = tokens.claims()!;
      const info: Record<string, unknown> = configuration.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
        : {};
      return {
        subject: idClaims.sub,
        email: text(info.email) ?? text(idClaims.email),
        name: text(info.name) ?? text(idClaims.name) ?? text(info.preferred_username),
      };
    } catch (err) {
      if (err instanceof AppError) throw err;
      log.warn({ err, provider: this.id }, 'oauth sign-in failed at the provider');
      throw new AppError('OAUTH_FAILED', { cause: err });
    }
  }

  /** Plain OAuth 2 userinfo: `sub` where the provider has one, else its numeric `id` (GitHub). */
  async #plainUserinfo(
    configuration: client.Configuration,
    accessToken: string,
  ): Promise<ProviderAccount> {
    const endpoint = configuration.serverMetadata().userinfo_endpoint!;
    const response = await client.fetchProtectedResource(
      configuration,
      accessToken,
      new URL(endpoint),
      'GET',
      null,
      new Headers({ accept: 'application/json' }),
    );
    if (!response.ok) throw new Error(`userinfo answered ${response.status}`);
    const info = (await response.json()) as Record<string, unknown>;
    const subject =
      text(info.sub) ??
      (typeof info.id === 'number' || typeof info.id === 'string' ? String(info.id) : null);
    if (!subject) throw new Error('userinfo has neither sub nor id');
    return {
      subject,
      email: text(info.email),
      name: text(info.name) ?? text(info.preferred_username) ?? text(info.login),
    };
  }
}

/** Every configured provider, by id, in the order OAUTH_PROVIDERS lists them. */
export function createOAuthClients(config: Config): Map<string, OAuthClient> {
  const production = config.NODE_ENV === 'production';
  return new Map(
    config.OAUTH_PROVIDERS.map((p) => [p.id, new OAuthClient(p, config.SITE_ORIGIN, production)]),
  );
}
