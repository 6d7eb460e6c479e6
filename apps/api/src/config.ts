import { fileURLToPath } from 'node:url';
import { z } from 'zod';

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

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: urlWithProtocol(['mysql:', 'mariadb:']).default(
    'mysql://root@127.0.0.1:3306/folio',
  ),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(60_000),
  REDIS_URL: urlWithProtocol(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  JWT_SECRET: z.string().min(1).default(DEV_JWT_SECRET),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  WEB_DIST: z.string().default(defaultWebDist),
  MIGRATE_ON_START: bool.default(true),
  SEED_ON_EMPTY: bool.default(true),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

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
  const config = parsed.data;
  if (config.NODE_ENV === 'production') {
    const secret = config.JWT_SECRET;
    if (Buffer.byteLength(secret) < 32 || KNOWN_SECRETS.has(secret)) {
      throw new ConfigError(
        'JWT_SECRET must be set to a random secret of at least 32 bytes in production; make one with `pnpm secret`.',
      );
    }
  }
  return config;
}
