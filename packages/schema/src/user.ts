import { z } from 'zod';
import { IsoDateTime } from './common';
import { LIMITS } from './limits';
import { LOCALES } from './locale';
import { PERMISSIONS } from './permissions';

export const USER_STATUSES = ['pending', 'active', 'locked'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** One way of logging in: an email, a phone (E.164) or an OAuth provider's subject. */
export const IDENTITY_KINDS = ['email', 'phone', 'oauth'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export const NicknameSchema = z
  .string()
  .trim()
  .min(1, 'nicknameLength')
  .max(LIMITS.nickname, 'nicknameLength');
export const PasswordSchema = z
  .string()
  .min(LIMITS.passwordMin, 'passwordLength')
  .max(LIMITS.passwordMax, 'passwordLength');
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.email, 'emailInvalid')
  .pipe(z.email('emailInvalid'));
/**
 * ISO 3166 codes of the countries the SPA offers in its phone picker, first; the API's default
 * for the countries it texts codes to (SMS_COUNTRIES).
 */
export const PHONE_COUNTRIES = [
  'CN',
  'HK',
  'MO',
  'TW',
  'SG',
  'MY',
  'JP',
  'KR',
  'US',
  'CA',
  'GB',
  'AU',
  'DE',
  'FR',
  'IN',
] as const;

/** A phone as typed, in international form ("+86 138 0013 8000"); the API normalizes it to E.164. */
export const PhoneSchema = z
  .string()
  .trim()
  .min(4, 'phoneInvalid')
  .max(LIMITS.phone, 'phoneInvalid')
  .regex(/^\+[0-9 ()-]+$/, 'phoneInvalid');
export const SmsCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$/, 'codeFormat');
export const LocaleSchema = z.enum(LOCALES);
export const BirthdaySchema = z.iso.date('dateInvalid');

export const IdentitySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(IDENTITY_KINDS),
    /** 'email', 'phone' or the OAuth provider's id. */
    provider: z.string(),
    /** The address or number itself; for OAuth, the provider's display of the account. */
    label: z.string(),
    verifiedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Identity' });
export type Identity = z.infer<typeof IdentitySchema>;

export const MeSchema = z
  .object({
    id: z.number().int(),
    nickname: z.string(),
    avatarUrl: z.string().nullable(),
    locale: LocaleSchema,
    birthday: z.iso.date().nullable(),
    status: z.enum(USER_STATUSES),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    /** A change of email waiting for its link to be followed. */
    pendingEmail: z.string().nullable(),
    identities: z.array(IdentitySchema),
    createdAt: IsoDateTime,
    lastLoginAt: IsoDateTime.nullable(),
    /** What the account's roles allow (the admin section shows only what these reach). */
    permissions: z.array(z.enum(PERMISSIONS)),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const UpdateMeBody = z
  .object({
    nickname: NicknameSchema.optional(),
    birthday: BirthdaySchema.nullable().optional(),
    locale: LocaleSchema.optional(),
  })
  .meta({ id: 'UpdateMeBody' });
export type UpdateMe = z.infer<typeof UpdateMeBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, 'required').max(LIMITS.passwordMax),
  newPassword: PasswordSchema,
});
export type ChangePassword = z.infer<typeof ChangePasswordBody>;

export const ChangeEmailBody = z.object({ email: EmailSchema });
export const ChangePhoneBody = z.object({ phone: PhoneSchema, code: SmsCodeSchema });
export const DeleteMeBody = z.object({
  password: z.string().min(1, 'required').max(LIMITS.passwordMax),
});

export const SessionSchema = z
  .object({
    id: z.string(),
    device: z.string().nullable(),
    browser: z.string().nullable(),
    os: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: IsoDateTime,
    lastUsedAt: IsoDateTime,
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof SessionSchema>;
export const SessionIdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
