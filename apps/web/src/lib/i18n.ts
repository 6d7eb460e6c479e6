import { LOCALES, formatMessage, pickLocale } from '@folio/schema';
import type { Locale } from '@folio/schema';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { en } from './messages/en';
import type { MessageKey } from './messages/en';
import { zhCN } from './messages/zh-cn';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const STORAGE_KEY = 'folio.locale';

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

function readStoredLocale(): Locale | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    // Storage can be disabled (privacy modes); the browser's preference is a fine fallback.
    return undefined;
  }
}

function detectLocale(): Locale {
  return readStoredLocale() ?? pickLocale(navigator.languages.join(','));
}

let current: Locale | undefined;
const listeners = new Set<() => void>();

/** The UI locale: the reader's stored choice, else the browser's preference. */
export function getLocale(): Locale {
  current ??= detectLocale();
  return current;
}

export function setLocale(locale: Locale): void {
  current = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, but the switch still applies to this one.
  }
  document.documentElement.lang = locale;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return formatMessage(catalogs[locale][key], params);
}

export function useI18n() {
  const locale = useSyncExternalStore(subscribe, getLocale, getLocale);
  const t = useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
  return useMemo(() => ({ locale, setLocale, t }), [locale, t]);
}
