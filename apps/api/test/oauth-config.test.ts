import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

const corp = {
  OAUTH_CORP_CLIENT_ID: 'folio',
  OAUTH_CORP_CLIENT_SECRET: 's3cret',
  OAUTH_CORP_ISSUER: 'https://sso.example.com/realms/staff',
};
const github = {
  OAUTH_GITHUB_NAME: 'GitHub',
  OAUTH_GITHUB_CLIENT_ID: 'gh-id',
  OAUTH_GITHUB_CLIENT_SECRET: 'gh-secret',
  OAUTH_GITHUB_AUTHORIZATION_URL: 'https://github.com/login/oauth/authorize',
  OAUTH_GITHUB_TOKEN_URL: 'https://github.com/login/oauth/access_token',
  OAUTH_GITHUB_USERINFO_URL: 'https://api.github.com/user',
  OAUTH_GITHUB_SCOPE: 'read:user user:email',
};

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected loadConfig to fail');
}

describe('OAuth provider settings', () => {
  it('has none by default', () => {
    expect(loadConfig({}).OAUTH_PROVIDERS).toEqual([]);
  });

  it('reads several providers at once: one by discovery, one by its endpoints', () => {
    const config = loadConfig({ OAUTH_PROVIDERS: ' corp , GitHub ', ...corp, ...github });
    expect(config.OAUTH_PROVIDERS).toEqual([
      {
        id: 'corp',
        name: 'corp',
        clientId: 'folio',
        clientSecret: 's3cret',
        scope: 'openid email profile',
        issuer: 'https://sso.example.com/realms/staff',
      },
      {
        id: 'github',
        name: 'GitHub',
        clientId: 'gh-id',
        clientSecret: 'gh-secret',
        scope: 'read:user user:email',
        authorizationUrl: 'https://github.com/login/oauth/authorize',
        tokenUrl: 'https://github.com/login/oauth/access_token',
        userinfoUrl: 'https://api.github.com/user',
      },
    ]);
  });

  it('turns dashes in an id into underscores in its settings', () => {
    const config = loadConfig({
      OAUTH_PROVIDERS: 'my-idp',
      OAUTH_MY_IDP_CLIENT_ID: 'a',
      OAUTH_MY_IDP_CLIENT_SECRET: 'b',
      OAUTH_MY_IDP_ISSUER: 'https://idp.example.com',
    });
    expect(config.OAUTH_PROVIDERS[0]).toMatchObject({ id: 'my-idp', clientId: 'a' });
  });

  it.each([
    [{ OAUTH_PROVIDERS: 'corp', ...corp, OAUTH_CORP_CLIENT_ID: '' }, 'OAUTH_CORP_CLIENT_ID'],
    [
      { OAUTH_PROVIDERS: 'corp', ...corp, OAUTH_CORP_CLIENT_SECRET: '' },
      'OAUTH_CORP_CLIENT_SECRET',
    ],
    [
      { OAUTH_PROVIDERS: 'corp', ...corp, OAUTH_CORP_ISSUER: 'sso.example.com' },
      'OAUTH_CORP_ISSUER',
    ],
    [{ OAUTH_PROVIDERS: 'corp', ...corp, OAUTH_CORP_ISSUER: '' }, 'OAUTH_CORP_AUTHORIZATION_URL'],
    [
      { OAUTH_PROVIDERS: 'github', ...github, OAUTH_GITHUB_USERINFO_URL: '' },
      'OAUTH_GITHUB_USERINFO_URL',
    ],
    [
      { OAUTH_PROVIDERS: 'corp', ...corp, OAUTH_CORP_TOKEN_URL: 'https://sso.example.com/t' },
      'OAUTH_CORP_TOKEN_URL',
    ],
    [{ OAUTH_PROVIDERS: 'corp,corp', ...corp }, 'OAUTH_PROVIDERS'],
    [{ OAUTH_PROVIDERS: 'email' }, 'OAUTH_PROVIDERS'],
    [{ OAUTH_PROVIDERS: 'pending' }, 'OAUTH_PROVIDERS'],
    [{ OAUTH_PROVIDERS: 'bad_id' }, 'OAUTH_PROVIDERS'],
  ])('stops on a bad or missing setting with one line naming it: %o', (env, name) => {
    const message = failure(env);
    expect(message.startsWith(`Invalid setting ${name}=`)).toBe(true);
    expect(message).not.toContain('\n');
  });

  it('wants https endpoints in production', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      MAIL_TRANSPORT: 'outbox',
      SMS_TRANSPORT: 'outbox',
      OAUTH_PROVIDERS: 'corp',
      ...corp,
    };
    expect(loadConfig(production).OAUTH_PROVIDERS).toHaveLength(1);
    const message = failure({ ...production, OAUTH_CORP_ISSUER: 'http://sso.example.com' });
    expect(message).toMatch(/^Invalid setting OAUTH_CORP_ISSUER=.*https:\/\//);
  });
});
