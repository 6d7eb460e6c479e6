import type { Locale } from '@folio/schema';
import { formatMessage } from '@folio/schema';

/**
 * Every message Folio sends, in every locale. `{name}` placeholders are filled from params; `{site}`
 * is the site's name (a setting), which the notifier adds.
 */
export const TEMPLATES = {
  'verify-email': {
    channel: 'email',
    en: {
      subject: 'Confirm your email for {site}',
      body: 'Hello {nickname},\n\nConfirm your email address to activate your {site} account:\n\n{link}\n\nThe link works once and expires in 24 hours. If you did not sign up, ignore this email.',
    },
    'zh-CN': {
      subject: '确认你在 {site} 的邮箱',
      body: '{nickname}，你好：\n\n请点击下面的链接确认邮箱并激活 {site} 账号：\n\n{link}\n\n链接只能使用一次，24 小时内有效。如果你没有注册，请忽略本邮件。',
    },
  },
  'email-registered': {
    channel: 'email',
    en: {
      subject: 'Someone tried to sign up to {site} with your email',
      body: 'Hello,\n\nSomeone tried to create a {site} account with this address, which already has one. If it was you, log in or reset your password:\n\n{link}\n\nOtherwise you can ignore this email.',
    },
    'zh-CN': {
      subject: '有人尝试用你的邮箱注册 {site}',
      body: '你好：\n\n有人尝试用这个邮箱注册 {site}，但它已有账号。如果是你本人，请登录或重置密码：\n\n{link}\n\n否则请忽略本邮件。',
    },
  },
  'change-email': {
    channel: 'email',
    en: {
      subject: 'Confirm your new email for {site}',
      body: 'Hello {nickname},\n\nConfirm this address as your new {site} email:\n\n{link}\n\nThe link works once and expires in 24 hours. Until then your old address stays.',
    },
    'zh-CN': {
      subject: '确认你在 {site} 的新邮箱',
      body: '{nickname}，你好：\n\n请点击下面的链接，把这个地址设为你的 {site} 新邮箱：\n\n{link}\n\n链接只能使用一次，24 小时内有效。在此之前旧邮箱保持不变。',
    },
  },
  'email-changed': {
    channel: 'email',
    en: {
      subject: 'Your {site} email address was changed',
      body: "Hello {nickname},\n\nThe email address of your {site} account was changed to {newEmail}. This address no longer logs in to it. If it was you, there is nothing to do.\n\nIf it was not you, someone may know your password. Still logged in? Change your password, then sign out everywhere on your account's Sessions page. Otherwise reset your password with your phone number here; a reset signs out every device:\n\n{link}",
    },
    'zh-CN': {
      subject: '你的 {site} 邮箱已更改',
      body: '{nickname}，你好：\n\n你的 {site} 账号邮箱已改为 {newEmail}，此邮箱不能再用来登录该账号。如果是你本人操作，无需处理。\n\n如果不是你本人操作，可能有人知道了你的密码。如果你仍处于登录状态，请修改密码，然后在账号的“登录设备”页面退出所有设备；否则请通过下面的链接用手机号重置密码，重置后所有设备都会退出登录：\n\n{link}',
    },
  },
  'reset-password': {
    channel: 'email',
    en: {
      subject: 'Reset your {site} password',
      body: 'Hello {nickname},\n\nSet a new password for your {site} account:\n\n{link}\n\nThe link works once and expires in 1 hour. If you did not ask for this, ignore this email.',
    },
    'zh-CN': {
      subject: '重置你的 {site} 密码',
      body: '{nickname}，你好：\n\n请点击下面的链接为你的 {site} 账号设置新密码：\n\n{link}\n\n链接只能使用一次，1 小时内有效。如果不是你本人操作，请忽略本邮件。',
    },
  },
  'sms-code': {
    channel: 'sms',
    en: {
      subject: null,
      body: '[{site}] Your code is {code}. It expires in 5 minutes. Never share it.',
    },
    'zh-CN': {
      subject: null,
      body: '【{site}】你的验证码是 {code}，5 分钟内有效，请勿泄露给他人。',
    },
  },
} as const;

export type TemplateName = keyof typeof TEMPLATES;
export type Channel = 'email' | 'sms';

export interface RenderedMessage {
  channel: Channel;
  to: string;
  subject: string | null;
  body: string;
  /** The reader's locale (the HTML version of a mail declares it). */
  locale?: Locale;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The `{name}` placeholders a text uses. */
export function placeholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

/** Fills a template in the reader's locale; a missing parameter is a bug, not a message with `{link}` in it. */
export function render(
  template: TemplateName,
  locale: Locale,
  to: string,
  params: Record<string, string | number>,
): RenderedMessage {
  const t = TEMPLATES[template];
  const text = t[locale];
  const missing = placeholders(`${text.subject ?? ''} ${text.body}`).filter((p) => !(p in params));
  if (missing.length > 0) {
    throw new Error(`template ${template} needs ${missing.map((p) => `{${p}}`).join(', ')}`);
  }
  return {
    channel: t.channel,
    to,
    subject: text.subject && formatMessage(text.subject, params),
    body: formatMessage(text.body, params),
    locale,
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The HTML version of a mail body: paragraphs as they are in the text, links clickable. */
export function toHtml(body: string, locale: Locale = 'en'): string {
  const paragraphs = body.split(/\n{2,}/).map((paragraph) => {
    const html = escapeHtml(paragraph)
      .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
      .replace(/\n/g, '<br>\n');
    return `<p>${html}</p>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"></head>',
    '<body style="font-family: sans-serif; line-height: 1.5">',
    ...paragraphs,
    '</body>',
    '</html>',
  ].join('\n');
}
