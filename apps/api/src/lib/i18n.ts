import type { DetailKey, ErrorCode, Failure, Locale } from '@folio/schema';
import { DETAIL_MESSAGES, ERROR_MESSAGES, fieldMessage, formatMessage } from '@folio/schema';
import { zhCN } from 'zod/locales';
import type { core } from 'zod';
import type { AppError } from './errors';

export function errorMessage(code: ErrorCode, locale: Locale) {
  return ERROR_MESSAGES[code][locale];
}

export function detailMessage(
  key: DetailKey,
  locale: Locale,
  params?: Record<string, string | number>,
) {
  return formatMessage(DETAIL_MESSAGES[key][locale], params);
}

const zhIssueMessage = zhCN().localeError;

/** One zod issue, as the reader of `locale` should see it. */
export function issueMessage(issue: core.$ZodIssue, locale: Locale): string {
  const keyed = fieldMessage(issue.message, locale);
  if (keyed !== issue.message || locale === 'en') return keyed;
  const translated = zhIssueMessage(issue as unknown as core.$ZodRawIssue);
  if (typeof translated === 'string') return translated;
  return translated?.message ?? issue.message;
}

/** What a failure envelope says of an AppError, besides its code and request id. */
export function appErrorFields(
  error: AppError,
  locale: Locale,
): Partial<Pick<Failure, 'msg' | 'errors' | 'location' | 'quota' | 'captchaRequired'>> {
  return {
    msg: error.detail
      ? detailMessage(error.detail, locale, error.params)
      : formatMessage(errorMessage(error.code, locale), error.params),
    errors:
      error.errors &&
      Object.fromEntries(
        Object.entries(error.errors).map(([field, m]) => [field, fieldMessage(m, locale)]),
      ),
    location: error.location,
    captchaRequired: error.captchaRequired ? true : undefined,
    quota: error.quota,
  };
}
