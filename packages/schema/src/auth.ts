import { z } from 'zod';
import { LIMITS } from './limits';
import {
  EmailSchema,
  MeSchema,
  NicknameSchema,
  PasswordSchema,
  PhoneSchema,
  SmsCodeSchema,
} from './user';

export const CaptchaSchema = z.object({ id: z.string(), svg: z.string() }).meta({ id: 'Captcha' });
export type Captcha = z.infer<typeof CaptchaSchema>;

const captchaFields = {
  captchaId: z.string().min(1, 'required').max(64),
  captchaText: z.string().trim().min(1, 'required').max(LIMITS.captchaText),
};

export const SMS_PURPOSES = ['register', 'login', 'reset', 'change-phone'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];

export const SmsCodeBody = z.object({
  phone: PhoneSchema,
  purpose: z.enum(SMS_PURPOSES),
  ...captchaFields,
});
export type SmsCodeRequest = z.infer<typeof SmsCodeBody>;
export const SmsCodeResultSchema = z.object({
  /** Seconds before another code may be asked for this phone and purpose. */
  cooldownSeconds: z.number().int(),
  /** Seconds a code stays valid. */
  expiresInSeconds: z.number().int(),
});
export type SmsCodeResult = z.infer<typeof SmsCodeResultSchema>;

/** An unbound OAuth sign-in waiting to be attached to the account being made or logged into. */
const oauthTicket = { oauthTicket: z.string().max(64).optional() };

export const RegisterPhoneBody = z.object({
  phone: PhoneSchema,
  code: SmsCodeSchema,
  password: PasswordSchema,
  nickname: NicknameSchema,
  ...oauthTicket,
});
export type RegisterPhone = z.infer<typeof RegisterPhoneBody>;

export const RegisterEmailBody = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  nickname: NicknameSchema,
  ...captchaFields,
  ...oauthTicket,
});
export type RegisterEmail = z.infer<typeof RegisterEmailBody>;

export const TokenBody = z.object({ token: z.string().min(1, 'required').max(LIMITS.token) });
export const ResendVerificationBody = z.object({ email: EmailSchema });

export const LoginBody = z.object({
  /** An email address or an international phone number. */
  account: z.string().trim().min(1, 'required').max(LIMITS.email),
  password: z.string().min(1, 'required').max(LIMITS.passwordMax),
  remember: z.boolean().optional(),
  captchaId: captchaFields.captchaId.optional(),
  captchaText: captchaFields.captchaText.optional(),
  ...oauthTicket,
});
export type Login = z.infer<typeof LoginBody>;

export const LoginSmsBody = z.object({
  phone: PhoneSchema,
  code: SmsCodeSchema,
  remember: z.boolean().optional(),
  ...oauthTicket,
});
export type LoginSms = z.infer<typeof LoginSmsBody>;

export const AuthResultSchema = z
  .object({
    accessToken: z.string(),
    /** Seconds until the access token expires. */
    expiresIn: z.number().int(),
    user: MeSchema,
  })
  .meta({ id: 'AuthResult' });
export type AuthResult = z.infer<typeof AuthResultSchema>;

/** What register-by-email, resend and forgot answer, whatever the account: nothing to enumerate. */
export const AcceptedSchema = z.object({ accepted: z.literal(true) }).meta({ id: 'Accepted' });
export type Accepted = z.infer<typeof AcceptedSchema>;

export const ForgotPasswordBody = z.object({
  account: z.string().trim().min(1, 'required').max(LIMITS.email),
});

export const ResetPasswordBody = z
  .object({
    token: z.string().min(1).max(LIMITS.token).optional(),
    phone: PhoneSchema.optional(),
    code: SmsCodeSchema.optional(),
    password: PasswordSchema,
  })
  .refine((b) => (b.token ? !b.phone && !b.code : !!b.phone && !!b.code), {
    message: 'tokenOrPhone',
    path: ['token'],
  });
export type ResetPassword = z.infer<typeof ResetPasswordBody>;

export const OAuthProviderSchema = z
  .object({ id: z.string(), name: z.string() })
  .meta({ id: 'OAuthProvider' });
export type OAuthProvider = z.infer<typeof OAuthProviderSchema>;
export const OAUTH_INTENTS = ['login', 'bind'] as const;
export const OAuthStartQuery = z.object({
  intent: z.enum(OAUTH_INTENTS).default('login'),
  /** Where the SPA goes afterwards: a local path only. */
  next: z.string().max(512).optional(),
});
export const OAuthStartSchema = z.object({ url: z.string() });
export type OAuthStart = z.infer<typeof OAuthStartSchema>;
/** An unbound provider account, shown while the person registers or logs in to bind it. */
export const OAuthPendingSchema = z.object({
  provider: OAuthProviderSchema,
  email: z.string().nullable(),
  name: z.string().nullable(),
});

// OAuth routes: the provider in the path, the callback the provider sends the browser back to, a ticket.
export const OAuthProviderParams = z.object({ provider: z.string().max(32) });
export const OAuthCallbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  /** Set by the provider instead of `code` when the person cancelled or it refused. */
  error: z.string().optional(),
});
export const OAuthTicketParams = z.object({ ticket: z.string().max(64) });
export type OAuthPending = z.infer<typeof OAuthPendingSchema>;
