import type { ErrorCode } from './errors';
import type { Locale } from './locale';

/** Human messages for every error code, in every supported locale. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  BAD_REQUEST: { en: 'The request could not be read.', 'zh-CN': '无法解析该请求。' },
  UNAUTHENTICATED: { en: 'Please log in first.', 'zh-CN': '请先登录。' },
  FORBIDDEN: { en: 'You may not do that.', 'zh-CN': '你没有权限执行此操作。' },
  NOT_FOUND: { en: 'Not found.', 'zh-CN': '未找到。' },
  METHOD_NOT_ALLOWED: { en: 'That method is not allowed here.', 'zh-CN': '不支持该请求方法。' },
  CONFLICT: { en: 'That conflicts with what already exists.', 'zh-CN': '与现有数据冲突。' },
  PAYLOAD_TOO_LARGE: { en: 'The request is too large.', 'zh-CN': '请求内容过大。' },
  UNSUPPORTED_MEDIA_TYPE: {
    en: 'That content type is not supported.',
    'zh-CN': '不支持该内容类型。',
  },
  VALIDATION_FAILED: {
    en: 'Some fields are not valid.',
    'zh-CN': '部分字段填写有误。',
  },
  RATE_LIMITED: { en: 'Too many requests, please wait.', 'zh-CN': '请求过于频繁，请稍后再试。' },
  INTERNAL: { en: 'Something went wrong on our side.', 'zh-CN': '服务器出错了。' },
  UNAVAILABLE: {
    en: 'A service Folio depends on is unavailable.',
    'zh-CN': 'Folio 依赖的服务暂不可用。',
  },
};

/** Messages for things that are not error codes but are said to the client (field problems, named resources). */
export const DETAIL_MESSAGES = {
  blogNotFound: { en: 'No such blog.', 'zh-CN': '没有这篇博客。' },
  authorNotFound: { en: 'No such author.', 'zh-CN': '没有这位作者。' },
  routeNotFound: { en: 'No route {method} {url}.', 'zh-CN': '没有此接口：{method} {url}。' },
  dependencyDown: { en: '{name} is unavailable.', 'zh-CN': '{name} 不可用。' },
  invalidField: { en: 'Invalid value.', 'zh-CN': '无效的值。' },
} as const satisfies Record<string, Record<Locale, string>>;

export type DetailKey = keyof typeof DETAIL_MESSAGES;

/**
 * Field messages that schemas name by key (`.refine(fn, 'positiveInteger')`), so API and SPA can
 * show them in the reader's language. Messages that are not keys here are zod's own.
 */
export const FIELD_MESSAGES = {
  positiveInteger: { en: 'Must be a positive integer.', 'zh-CN': '必须是正整数。' },
} as const satisfies Record<string, Record<Locale, string>>;

export function fieldMessage(message: string, locale: Locale): string {
  return message in FIELD_MESSAGES
    ? FIELD_MESSAGES[message as keyof typeof FIELD_MESSAGES][locale]
    : message;
}

export function formatMessage(template: string, params: Record<string, string | number> = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
