import {
  SETTING_NAMES,
  SiteSettingsSchema,
  type SettingName,
  type SiteInfo,
  type SiteSettingsDefaults,
  type SiteSettings,
  type UpdateSiteSettings,
} from '@folio/schema';
import type { Redis } from 'ioredis';
import type { Config } from '../../config';
import { databaseName } from '../../db/connection';
import type { AuditContext, AuditLog } from '../audit/service';
import type { SettingRow, SettingsRepository } from './repository';

/**
 * How long a process keeps its copy without hearing of a change. A change is announced at once
 * (pub/sub); this only bounds how stale a copy gets when an announcement is lost.
 */
export const SETTINGS_TTL_MS = 10_000;

/** The environment's values, which a setting without a row in the database reads as. */
export function settingsDefaults(
  config: Pick<
    Config,
    | 'SITE_NAME'
    | 'REGISTER_PHONE_ENABLED'
    | 'REGISTER_EMAIL_ENABLED'
    | 'CAPTCHA_AFTER_FAILED_LOGINS'
    | 'COMMENTS_OPEN'
  >,
): SiteSettings {
  return {
    siteName: config.SITE_NAME,
    registration: { phone: config.REGISTER_PHONE_ENABLED, email: config.REGISTER_EMAIL_ENABLED },
    captchaAfterFailedLogins: config.CAPTCHA_AFTER_FAILED_LOGINS,
    commentsOpen: config.COMMENTS_OPEN,
  };
}

/** Where changes are announced: pub/sub ignores Redis' database numbers, so one per database. */
export const settingsChannel = (databaseUrl: string) => `settings:${databaseName(databaseUrl)}`;

type Flat = Record<string, unknown>;

/** `{registration: {phone: true}}` as `{'registration.phone': true}`. */
function flatten(value: object, prefix = ''): Flat {
  const flat: Flat = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      Object.assign(flat, flatten(item as object, `${prefix}${key}.`));
    } else {
      flat[`${prefix}${key}`] = item;
    }
  }
  return flat;
}

function unflatten(flat: Flat): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(flat)) {
    const path = name.split('.');
    let node = root;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = item;
  }
  return root;
}

export interface SettingsDeps {
  repo: SettingsRepository;
  /** For publishing; the service makes its own subscriber connection from it. */
  redis: Redis;
  defaults: SiteSettings;
  /** `settingsChannel(DATABASE_URL)`. */
  channel: string;
  audit: Pick<AuditLog, 'record'>;
  log: { warn: (obj: object, msg: string) => void };
  ttlMs?: number;
  now?: () => number;
}

/**
 * The site's settings: the one place that reads them and says they changed. Each process keeps a
 * copy; a change writes the database, then publishes on `channel`, and every process (this one
 * too) drops its copy on the message and reads the rows again at its next use.
 */
export function createSettingsService(deps: SettingsDeps) {
  const { repo, redis, defaults, channel, log, ttlMs = SETTINGS_TTL_MS, now = Date.now } = deps;
  const flatDefaults = flatten(defaults);
  let copy: { value: SiteSettings; until: number } | null = null;
  let loading: Promise<SiteSettings> | null = null;
  // Moves on with every change heard of, so a read that began before it is not kept as fresh.
  let generation = 0;
  let subscriber: Redis | null = null;

  /** The defaults with each valid row over its setting; a row that doesn't fit is left out. */
  function assemble(rows: SettingRow[]): SiteSettings {
    const flat = { ...flatDefaults };
    for (const row of rows) {
      if (!(row.name in flatDefaults)) continue;
      const candidate = { ...flat, [row.name]: row.value };
      if (SiteSettingsSchema.safeParse(unflatten(candidate)).success) {
        flat[row.name] = row.value;
      } else {
        log.warn({ setting: row.name }, 'a stored setting is not valid; its default applies');
      }
    }
    return SiteSettingsSchema.parse(unflatten(flat));
  }

  async function load(): Promise<SiteSettings> {
    const started = generation;
    const value = assemble(await repo.all());
    if (started === generation) copy = { value, until: now() + ttlMs };
    return value;
  }

  function forget() {
    generation += 1;
    copy = null;
    loading = null;
  }

  async function get(): Promise<SiteSettings> {
    if (copy && copy.until > now()) return copy.value;
    if (!loading) {
      const read = load().finally(() => {
        if (loading === read) loading = null;
      });
      loading = read;
    }
    return loading;
  }

  /** Every process (this one too) reads the rows again at its next use. */
  async function announce() {
    forget();
    try {
      await redis.publish(channel, 'changed');
    } catch (err) {
      log.warn({ err }, 'could not announce a change of the settings; others see it in 10 s');
    }
  }

  /** The audit log gets the settings named, as they were and as they are now. */
  async function recordChange(context: AuditContext, before: Flat, after: Flat, changed: string[]) {
    await deps.audit.record(context, {
      action: 'settings.changed',
      before: unflatten(Object.fromEntries(changed.map((name) => [name, before[name]]))),
      after: unflatten(Object.fromEntries(changed.map((name) => [name, after[name]]))),
    });
  }

  return {
    get,

    /** What the public site is told: its name, the open ways to register, comments open. */
    async site(): Promise<SiteInfo> {
      const { siteName, registration, commentsOpen } = await get();
      return { siteName, registration, commentsOpen };
    },

    /**
     * Changes the settings the patch names; the audit log gets the ones that changed, as they
     * were and as they are now. Every process hears of it at once.
     */
    async update(context: AuditContext, patch: UpdateSiteSettings): Promise<SiteSettings> {
      const wanted = flatten(patch);
      const { before, after, changed } = await repo.change(context.actorId, (rows) => {
        const current = flatten(assemble(rows));
        const names = Object.keys(wanted).filter((name) => current[name] !== wanted[name]);
        const next = { ...current, ...wanted };
        return {
          write: names.map((name) => ({ name, value: next[name] })),
          result: {
            before: current,
            after: SiteSettingsSchema.parse(unflatten(next)),
            changed: names,
          },
        };
      });
      if (changed.length) {
        await recordChange(context, before, flatten(after), changed);
        await announce();
      }
      return after;
    },

    /** The environment's values, and the settings whose stored value applies instead. */
    async defaults(): Promise<SiteSettingsDefaults> {
      const names = new Set((await repo.all()).map((row) => row.name));
      return { defaults, stored: SETTING_NAMES.filter((name) => names.has(name)) };
    },

    /**
     * Forgets the stored value of a setting: the environment's applies again, now and when the
     * environment changes. The audit log gets the value forgotten and the one that applies now.
     */
    async reset(context: AuditContext, name: SettingName): Promise<SiteSettings> {
      const { before, after, stored } = await repo.change(context.actorId, (rows) => {
        const kept = rows.filter((row) => row.name !== name);
        return {
          write: [],
          remove: [name],
          result: {
            before: assemble(rows),
            after: assemble(kept),
            stored: kept.length < rows.length,
          },
        };
      });
      if (stored) {
        await recordChange(context, flatten(before), flatten(after), [name]);
        await announce();
      }
      return after;
    },

    /**
     * Listens for changes; resolves once subscribed, or once the first try failed (the copy's
     * TTL still bounds how stale it gets, and ioredis keeps reconnecting and subscribes then).
     */
    async listen(): Promise<void> {
      if (subscriber) return;
      const connection = redis.duplicate();
      subscriber = connection;
      connection.on('message', () => forget());
      connection.on('error', (err) => log.warn({ err }, 'settings subscriber error'));
      let subscribed = false;
      // After a reconnect, changes may have been published while it was away.
      connection.on('ready', () => {
        if (subscribed) forget();
      });
      try {
        await connection.connect();
        await connection.subscribe(channel);
        subscribed = true;
      } catch (err) {
        log.warn({ err }, 'could not subscribe to changes of the settings');
        connection.once('ready', () => {
          connection.subscribe(channel).then(
            () => {
              subscribed = true;
              forget();
            },
            (error: unknown) => log.warn({ err: error }, 'could not subscribe to settings'),
          );
        });
      }
    },

    close() {
      subscriber?.disconnect();
      subscriber = null;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
