import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_JWT_SECRET, loadConfig, localDemoNotice } from '../src/config';

describe('loadConfig', () => {
  it('has a default for every setting a newcomer needs', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      HOST: 'localhost',
      PORT: 3000,
      DATABASE_URL: 'mysql://root@127.0.0.1:3306/folio',
      REDIS_URL: 'redis://127.0.0.1:6379',
      LOG_LEVEL: 'info',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
  ])('stops on a bad value with one line naming the setting: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      const message = (err as Error).message;
      expect(message.startsWith(`Invalid setting ${name}=`)).toBe(true);
      expect(message).not.toContain('\n');
    }
  });

  it.each([undefined, 'short', DEV_JWT_SECRET, 'changeme'])(
    'refuses to run in production with the secret %s and says how to make one',
    (secret) => {
      const env = { NODE_ENV: 'production', ...(secret && { JWT_SECRET: secret }) };
      expect(() => loadConfig(env)).toThrow(/JWT_SECRET.*pnpm secret/);
    },
  );

  const strong = { NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(20) + 'Zx9!'.repeat(5) };
  const outbox = { MAIL_TRANSPORT: 'outbox', SMS_TRANSPORT: 'outbox' };

  it.each(['http://folio.example', 'http://10.0.0.5:3000', 'http://192.168.1.2'])(
    'refuses to run in production with the site origin %s, which would send cookies in clear',
    (origin) => {
      expect(() => loadConfig({ ...strong, ...outbox, SITE_ORIGIN: origin })).toThrow(
        /^SITE_ORIGIN must be https:\/\/ in production/,
      );
    },
  );

  it.each([
    'https://folio.example',
    'http://localhost:3000',
    'http://127.0.0.1:3100',
    'http://[::1]:3000',
  ])('accepts the site origin %s in production', (origin) => {
    expect(loadConfig({ ...strong, ...outbox, SITE_ORIGIN: origin }).SITE_ORIGIN).toBe(origin);
  });

  it('keeps uploads on the local disk with a 200 MB quota unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({
      STORAGE_DRIVER: 'local',
      UPLOAD_QUOTA_BYTES: 200 * 1024 * 1024,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: false,
    });
    expect(loadConfig({ UPLOAD_QUOTA_BYTES: '1048576' }).UPLOAD_QUOTA_BYTES).toBe(1_048_576);
    expect(() => loadConfig({ UPLOAD_QUOTA_BYTES: 'lots' })).toThrow(/UPLOAD_QUOTA_BYTES/);
  });

  it('takes an S3 bucket, and stops on an incomplete one', () => {
    const s3 = {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'folio',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    };
    expect(loadConfig(s3)).toMatchObject({ ...s3, S3_FORCE_PATH_STYLE: true });
    // Without keys the SDK's own chain signs.
    expect(() => loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'folio' })).not.toThrow();
    expect(() => loadConfig({ ...s3, S3_BUCKET: '' })).toThrow(/S3_BUCKET must be set/);
    expect(() => loadConfig({ ...s3, S3_SECRET_ACCESS_KEY: '' })).toThrow(
      /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'ftp://x' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ STORAGE_DRIVER: 'nfs' })).toThrow(/STORAGE_DRIVER/);
  });

  it('accepts a strong secret in production', () => {
    const config = loadConfig({ ...strong, MAIL_TRANSPORT: 'outbox', SMS_TRANSPORT: 'outbox' });
    expect(config.NODE_ENV).toBe('production');
  });

  it('sends mail and SMS for real in production, and to the outbox elsewhere', () => {
    expect(loadConfig({})).toMatchObject({ MAIL_TRANSPORT: 'outbox', SMS_TRANSPORT: 'outbox' });
    expect(() => loadConfig(strong)).toThrow(/^SMTP_URL must be set/);
    expect(() => loadConfig({ ...strong, SMTP_URL: 'smtp://mail:25' })).toThrow(/^SMS_HTTP_URL/);
    const config = loadConfig({
      ...strong,
      SMTP_URL: 'smtp://mail:25',
      SMS_HTTP_URL: 'https://sms.example/send',
      SMS_HTTP_KEY: 'key',
    });
    expect(config).toMatchObject({ MAIL_TRANSPORT: 'smtp', SMS_TRANSPORT: 'http' });
    expect(localDemoNotice(config)).toBeUndefined();
  });

  it('calls a production start with an outbox transport a local demo, naming the channel', () => {
    const smtp = { SMTP_URL: 'smtp://mail:25' };
    expect(localDemoNotice(loadConfig({}))).toBeUndefined();
    expect(
      localDemoNotice(loadConfig({ ...strong, MAIL_TRANSPORT: 'outbox', SMS_TRANSPORT: 'outbox' })),
    ).toMatch(/^local demo: mail and SMS go to the outbox table/);
    expect(localDemoNotice(loadConfig({ ...strong, ...smtp, SMS_TRANSPORT: 'outbox' }))).toMatch(
      /^local demo: SMS go to the outbox table .* set SMS_TRANSPORT=http with SMS_HTTP_URL and SMS_HTTP_KEY$/,
    );
  });
});
