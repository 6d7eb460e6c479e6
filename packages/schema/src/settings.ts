import { z } from 'zod';
import { IsoDateTime, Page, PageQuery } from './common';
import { LIMITS } from './limits';

const SiteName = z
  .string('siteNameLength')
  .trim()
  .min(1, 'siteNameLength')
  .max(LIMITS.siteName, 'siteNameLength');
const Switch = z.boolean('booleanRequired');
const CaptchaAfter = z
  .number('captchaAfterRange')
  .int('captchaAfterRange')
  .min(0, 'captchaAfterRange')
  .max(LIMITS.captchaAfterFailedLoginsMax, 'captchaAfterRange');

/**
 * The site's settings staff change at `/admin/settings` (`system.settings`); one left unset reads
 * as the environment's default (`SITE_NAME`, `REGISTER_PHONE_ENABLED`, `REGISTER_EMAIL_ENABLED`,
 * `CAPTCHA_AFTER_FAILED_LOGINS`, `COMMENTS_OPEN`).
 */
export const SiteSettingsSchema = z
  .object({
    /** What the site calls itself: the navbar, page titles, mail and SMS, feeds. */
    siteName: SiteName,
    /** Which ways of registering are open; a closed one answers REGISTRATION_CLOSED. */
    registration: z.object({ phone: Switch, email: Switch }),
    /**
     * Failed password logins for one account within 15 minutes after which a browser the account
     * does not know needs a captcha; 0 asks for it every time.
     */
    captchaAfterFailedLogins: CaptchaAfter,
    /** New comments anywhere on the site; when false, posting answers COMMENTS_CLOSED. */
    commentsOpen: Switch,
  })
  .meta({ id: 'SiteSettings' });
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

/** Any of the settings; the others stay as they are. */
export const UpdateSiteSettingsBody = z
  .object({
    siteName: SiteName.optional(),
    registration: z.object({ phone: Switch.optional(), email: Switch.optional() }).optional(),
    captchaAfterFailedLogins: CaptchaAfter.optional(),
    commentsOpen: Switch.optional(),
  })
  .meta({ id: 'UpdateSiteSettingsBody' });
export type UpdateSiteSettings = z.output<typeof UpdateSiteSettingsBody>;

/** Each setting by its dotted name, as `DELETE /admin/settings/:name` and the audit log name it. */
export const SETTING_NAMES = [
  'siteName',
  'registration.phone',
  'registration.email',
  'captchaAfterFailedLogins',
  'commentsOpen',
] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

export const SettingNameParams = z.object({
  name: z.enum(SETTING_NAMES, 'settingName'),
});

/**
 * Where the settings come from (`GET /admin/settings/defaults`): the environment's values, and
 * which settings staff set, whose stored value applies instead until it is reset.
 */
export const SiteSettingsDefaultsSchema = z
  .object({
    defaults: SiteSettingsSchema,
    stored: z.array(z.enum(SETTING_NAMES)),
  })
  .meta({ id: 'SiteSettingsDefaults' });
export type SiteSettingsDefaults = z.infer<typeof SiteSettingsDefaultsSchema>;

/** What the public site needs to know of the settings (`GET /site`), for anyone. */
export const SiteInfoSchema = SiteSettingsSchema.pick({
  siteName: true,
  registration: true,
  commentsOpen: true,
}).meta({ id: 'SiteInfo' });
export type SiteInfo = z.infer<typeof SiteInfoSchema>;

export const OUTBOX_CHANNELS = ['email', 'sms'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

export const OutboxListQuery = PageQuery.extend({
  channel: z.enum(OUTBOX_CHANNELS).optional(),
  /** The whole address or phone number it was sent to (a phone in any format the site reads). */
  recipient: z.string().trim().min(1).max(LIMITS.email).optional(),
});
export type OutboxListParams = z.output<typeof OutboxListQuery>;

/** A mail or SMS as the outbox transport kept it, with what a developer comes to copy. */
export const OutboxEntrySchema = z
  .object({
    id: z.number().int(),
    channel: z.enum(OUTBOX_CHANNELS),
    recipient: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
    /** The first link in a mail's text. */
    link: z.string().nullable(),
    /** The 6-digit code in an SMS. */
    code: z.string().nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'OutboxEntry' });
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export const OutboxPageSchema = Page(OutboxEntrySchema).meta({ id: 'OutboxPage' });
export type OutboxPage = z.infer<typeof OutboxPageSchema>;
