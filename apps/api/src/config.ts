import { fileURLToPath } from 'node:url';
import { EmailSchema, LIMITS, PHONE_COUNTRIES } from '@folio/schema';
import { z } from 'zod';
import { isLoopbackHostname } from './lib/loopback';
import { isPhoneCountry } from './lib/phones';

/** Secrets that ship in docs and examples; production refuses them. */
const KNOWN_SECRETS = new Set([
  'dev-only-secret-change-me-0123456789abcdef',
  'changeme',
  'change-me',
  'secret',
  'jwt-secret',
]);
export const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const urlWithProtocol = (protocols: string[]) =>
  z
    .string()
    .url({ abort: true })
    .refine((v) => protocols.includes(new URL(v).protocol), {
      message: `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    });

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const defaultUploadsDir = fileURLToPath(new URL('../uploads', import.meta.url));

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: urlWithProtocol(['mysql:', 'mariadb:']).default(
    'mysql://root@127.0.0.1:3306/folio',
  ),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  /** A statement with no answer by then fails (503) and its connection is destroyed. */
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  /** Longest a request waits for a pooled connection (503 past it). */
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  /** Requests that may wait for a connection at once; more fail at once (503). */
  DB_QUEUE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(200),
  REDIS_URL: urlWithProtocol(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  JWT_SECRET: z.string().min(1).default(DEV_JWT_SECRET),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  /** On SIGTERM, readiness fails and the listener keeps serving this long before it closes. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  WEB_DIST: z.string().default(defaultWebDist),
  MIGRATE_ON_START: bool.default(true),
  SEED_ON_EMPTY: bool.default(true),
  /** Days the audit log keeps an entry; a daily job deletes older ones. */
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365),
  /** The first administrator (the `system` role), made at start-up or seed time if missing. */
  ADMIN_EMAIL: EmailSchema.optional(),
  ADMIN_PASSWORD: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax).optional(),
  /** The SPA's origin: refresh checks `Origin` against it; mail links point at it. */
  SITE_ORIGIN: urlWithProtocol(['http:', 'https:'])
    .transform((v) => new URL(v).origin)
    .default('http://localhost:3000'),
  /** URLs in one sitemap; past it /sitemap.xml becomes an index of numbered sitemaps. */
  SITEMAP_MAX_URLS: z.coerce.number().int().min(1).max(50_000).default(50_000),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  ARGON2_MEMORY_KIB: z.coerce.number().int().min(19_456).default(19_456),
  ARGON2_TIME_COST: z.coerce.number().int().min(2).default(2),
  // The defaults of the site's settings (`/admin/settings` overrides each in the database).
  SITE_NAME: z.string().trim().min(1).max(LIMITS.siteName).default('Folio'),
  REGISTER_PHONE_ENABLED: bool.default(true),
  REGISTER_EMAIL_ENABLED: bool.default(true),
  /** Failed logins for an account (15 minutes) before a browser it doesn't know needs a captcha. */
  CAPTCHA_AFTER_FAILED_LOGINS: z.coerce
    .number()
    .int()
    .min(0)
    .max(LIMITS.captchaAfterFailedLoginsMax)
    .default(3),
  COMMENTS_OPEN: bool.default(true),
  /** Where mail goes: `outbox` (stored in MariaDB, readable by developers and tests) or `smtp`. */
  MAIL_TRANSPORT: z.enum(['outbox', 'smtp']).optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Folio <no-reply@folio.local>'),
  /** Where SMS goes: `outbox` or `http` (one provider: POST JSON to SMS_HTTP_URL with SMS_HTTP_KEY). */
  SMS_TRANSPORT: z.enum(['outbox', 'http']).optional(),
  SMS_HTTP_URL: z.string().url().optional(),
  SMS_HTTP_KEY: z.string().optional(),
  /** ISO 3166 codes of the countries SMS codes may be sent to; others answer VALIDATION_FAILED. */
  SMS_COUNTRIES: z
    .string()
    .default(PHONE_COUNTRIES.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .refine(isPhoneCountry, { message: 'must be ISO 3166 country codes like CN,GB' }),
        )
        .min(1, 'must name at least one country'),
    ),
  /** SMS the whole site sends in a clock hour; past it no code is sent until the next hour. */
  SMS_HOURLY_BUDGET: z.coerce.number().int().min(1).default(200),
  /** First retry delay of a failed mail or SMS delivery; each next one doubles (5 attempts). */
  NOTIFY_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  /** Between heartbeat comments on an idle event stream (proxies close silent connections). */
  SSE_HEARTBEAT_MS: z.coerce.number().int().min(50).max(300_000).default(20_000),
  /** How long a ticket from POST /events/ticket may wait before it opens a stream. */
  EVENTS_TICKET_TTL_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  /** Run the background worker (mail, SMS, clean-ups) inside the API process. */
  RUN_WORKER: bool.default(true),
  UPLOADS_DIR: z.string().default(defaultUploadsDir),
  /** Where uploads are kept: `local` (UPLOADS_DIR, one machine) or `s3` (a bucket several share). */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** An S3-compatible endpoint (MinIO, Ceph, R2, ...); without it, AWS's for S3_REGION. */
  S3_ENDPOINT: urlWithProtocol(['http:', 'https:']).optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** Without both keys the AWS SDK's own chain (environment, instance role) signs requests. */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** `bucket` in the path rather than the host name, as most self-hosted servers want. */
  S3_FORCE_PATH_STYLE: bool.default(false),
  /** Stored bytes of all sizes of a user's image uploads together (POST /uploads); 200 MB by default. */
  UPLOAD_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(200 * 1024 * 1024),
  /** Comma-separated ids of the OAuth 2 / OpenID Connect providers, each set by `OAUTH_<ID>_*`. */
  OAUTH_PROVIDERS: z.string().optional(),
});

type ParsedConfig = z.infer<typeof ConfigSchema>;
/** Settings with the transports decided: outbox by default outside production, real ones in it. */
export type Config = Omit<ParsedConfig, 'MAIL_TRANSPORT' | 'SMS_TRANSPORT' | 'OAUTH_PROVIDERS'> & {
  MAIL_TRANSPORT: 'outbox' | 'smtp';
  SMS_TRANSPORT: 'outbox' | 'http';
  OAUTH_PROVIDERS: OAuthProviderConfig[];
};

export class ConfigError extends Error {}

/** https, or plain http on this machine only (localhost, 127.0.0.0/8, ::1): never over a network. */
export function isSecureOrigin(origin: string): boolean {
  const { protocol, hostname } = new URL(origin);
  return protocol === 'https:' || isLoopbackHostname(hostname);
}

/** Parses the environment; the first problem becomes one line naming the setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const source = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(
      `Invalid setting ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`,
    );
  }
  const production = parsed.data.NODE_ENV === 'production';
  const config: Config = {
    ...parsed.data,
    MAIL_TRANSPORT: parsed.data.MAIL_TRANSPORT ?? (production ? 'smtp' : 'outbox'),
    SMS_TRANSPORT: parsed.data.SMS_TRANSPORT ?? (production ? 'http' : 'outbox'),
    OAUTH_PROVIDERS: parseOAuthProviders(parsed.data.OAUTH_PROVIDERS, source, production),
  };
  if (config.NODE_ENV === 'production') {
    const secret = config.JWT_SECRET;
    if (Buffer.byteLength(secret) < 32 || KNOWN_SECRETS.has(secret)) {
      throw new ConfigError(
        'JWT_SECRET must be set to a random secret of at least 32 bytes in production; make one with `pnpm secret`.',
      );
    }
  }
  if (production && !isSecureOrigin(config.SITE_ORIGIN)) {
    throw new ConfigError(
      `SITE_ORIGIN must be https:// in production (or a loopback address for a local demo); ${config.SITE_ORIGIN} would send the refresh cookie in clear.`,
    );
  }
  if (Boolean(config.ADMIN_EMAIL) !== Boolean(config.ADMIN_PASSWORD)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together.');
  }
  if (config.STORAGE_DRIVER === 's3' && !config.S3_BUCKET) {
    throw new ConfigError('S3_BUCKET must be set when STORAGE_DRIVER is s3.');
  }
  if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together.');
  }
  if (config.MAIL_TRANSPORT === 'smtp' && !config.SMTP_URL) {
    throw new ConfigError(
      'SMTP_URL must be set when MAIL_TRANSPORT is smtp (the default in production).',
    );
  }
  if (config.SMS_TRANSPORT === 'http' && !(config.SMS_HTTP_URL && config.SMS_HTTP_KEY)) {
    throw new ConfigError(
      'SMS_HTTP_URL and SMS_HTTP_KEY must be set when SMS_TRANSPORT is http (the default in production).',
    );
  }
  return config;
}

/**
 * The line a production start with an outbox transport begins with (`pnpm start`, the local
 * demo, chooses the outbox explicitly): nobody receives that mail or SMS, and the log says so.
 */
export function localDemoNotice(config: Config): string | undefined {
  if (config.NODE_ENV !== 'production') return undefined;
  const mail = config.MAIL_TRANSPORT === 'outbox';
  const sms = config.SMS_TRANSPORT === 'outbox';
  if (!mail && !sms) return undefined;
  const what = mail && sms ? 'mail and SMS go' : mail ? 'mail goes' : 'SMS go';
  const fix = [
    mail && 'MAIL_TRANSPORT=smtp with SMTP_URL',
    sms && 'SMS_TRANSPORT=http with SMS_HTTP_URL and SMS_HTTP_KEY',
  ]
    .filter(Boolean)
    .join(', ');
  return `local demo: ${what} to the outbox table (outbox_messages), not to people; for a real deployment set ${fix}`;
}

/** One OAuth 2 / OpenID Connect provider: found by discovery from its issuer, or by its endpoints. */
export type OAuthProviderConfig = {
  id: string;
  name: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated; without it plain OAuth 2 providers use their own default. */
  scope: string | undefined;
} & ({ issuer: string } | { authorizationUrl: string; tokenUrl: string; userinfoUrl: string });

/** Ids appear in URLs and env names; these would clash with identity kinds or routes. */
const RESERVED_OAUTH_IDS = new Set(['email', 'phone', 'pending']);

const OAuthProviderIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be lower-case letters, digits and dashes, at most 32')
  .refine((id) => !RESERVED_OAUTH_IDS.has(id), { message: 'is a reserved name' });

function oauthProviderSchema(production: boolean) {
  const endpoint = urlWithProtocol(production ? ['https:'] : ['http:', 'https:']).optional();
  return z
    .object({
      NAME: z.string().trim().min(1).max(64).optional(),
      CLIENT_ID: z.string('required').min(1),
      CLIENT_SECRET: z.string('required').min(1),
      ISSUER: endpoint,
      AUTHORIZATION_URL: endpoint,
      TOKEN_URL: endpoint,
      USERINFO_URL: endpoint,
      SCOPE: z.string().trim().min(1).optional(),
    })
    .superRefine((p, ctx) => {
      const endpoints = ['AUTHORIZATION_URL', 'TOKEN_URL', 'USERINFO_URL'] as const;
      if (p.ISSUER) {
        const extra = endpoints.find((k) => p[k]);
        if (extra) {
          ctx.addIssue({
            code: 'custom',
            path: [extra],
            message: 'set either ISSUER or the endpoint URLs, not both',
          });
        }
        return;
      }
      const missing = endpoints.find((k) => !p[k]);
      if (missing) {
        ctx.addIssue({
          code: 'custom',
          path: [missing],
          message: 'required (or set ISSUER for OpenID Connect discovery)',
        });
      }
    });
}

function parseOAuthProviders(
  list: string | undefined,
  env: Record<string, string | undefined>,
  production: boolean,
): OAuthProviderConfig[] {
  const ids = (list ?? '')
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  const schema = oauthProviderSchema(production);
  const seen = new Set<string>();
  return ids.map((id) => {
    const idCheck = OAuthProviderIdSchema.safeParse(id);
    if (!idCheck.success || seen.has(id)) {
      const reason = idCheck.success ? 'is listed twice' : idCheck.error.issues[0]!.message;
      throw new ConfigError(
        `Invalid setting OAUTH_PROVIDERS=${JSON.stringify(list)}: provider ${JSON.stringify(id)} ${reason}`,
      );
    }
    seen.add(id);
    const prefix = `OAUTH_${id.toUpperCase().replaceAll('-', '_')}_`;
    const fields = Object.fromEntries(
      Object.entries(env)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const name = `${prefix}${String(issue.path[0] ?? 'CLIENT_ID')}`;
      throw new ConfigError(
        `Invalid setting ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`,
      );
    }
    const p = parsed.data;
    const common = {
      id,
      name: p.NAME ?? id,
      clientId: p.CLIENT_ID,
      clientSecret: p.CLIENT_SECRET,
    };
    return p.ISSUER
      ? { ...common, scope: p.SCOPE ?? 'openid email profile', issuer: p.ISSUER }
      : {
          ...common,
          scope: p.SCOPE,
          authorizationUrl: p.AUTHORIZATION_URL!,
          tokenUrl: p.TOKEN_URL!,
          userinfoUrl: p.USERINFO_URL!,
        };
  });
}
