import { LOCALES, formatMessage, pickLocale } from '@folio/schema';
import type { Locale } from '@folio/schema';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { SiteMessageKey } from './messages/en';
import type { AdminMessageKey } from './messages/en-admin';
import type { HomeMessageKey } from './messages/en-home';
import type { PageMessageKey } from './messages/en-pages';

export type { AdminMessageKey, HomeMessageKey, PageMessageKey, SiteMessageKey };
export type MessageKey = SiteMessageKey | HomeMessageKey | PageMessageKey | AdminMessageKey;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const STORAGE_KEY = 'folio.locale';

/**
 * Texts come in four parts per language. `site`: what the layout and the home page's first
 * render say, loaded before the first render. `home`: what the home page's lazily loaded
 * sections say (carousel, hot list, popular tags), loaded with them and with every page.
 * `pages`: everything else the public site says, loaded with the first lazily loaded page (the
 * router waits for it). `admin`: the admin section's, whose loaders come with its code
 * (`addCatalogPart`), so the first load carries nothing of it.
 * A visit loads only the language it reads in.
 */
export type CatalogPart = 'site' | 'home' | 'pages' | SectionPart;
/** A part a lazily loaded section brings along. */
type SectionPart = 'admin';
type Texts = Partial<Record<MessageKey, string>>;
type Loader = () => Promise<Texts>;

const catalogLoaders: Record<
  Locale,
  Record<Exclude<CatalogPart, SectionPart>, Loader> & Partial<Record<SectionPart, Loader>>
> = {
  en: {
    site: async () => (await import('./messages/en')).en,
    home: async () => (await import('./messages/en-home')).enHome,
    pages: async () => (await import('./messages/en-pages')).enPages,
  },
  'zh-CN': {
    site: async () => (await import('./messages/zh-cn')).zhCN,
    home: async () => (await import('./messages/zh-cn-home')).zhCNHome,
    pages: async () => (await import('./messages/zh-cn-pages')).zhCNPages,
  },
};

/** Makes a section's texts a part like the others: loaded on request, and on a language switch. */
export function addCatalogPart(part: SectionPart, loaders: Record<Locale, Loader>): void {
  for (const locale of LOCALES) catalogLoaders[locale][part] = loaders[locale];
}

const catalogs: Record<Locale, Texts> = { en: {}, 'zh-CN': {} };
const loading = new Map<string, Promise<void>>();
/** The parts loaded so far in any language: switching languages loads the same ones. */
const wanted = new Set<CatalogPart>();

/** Loads a part of a language's texts (once; again after a failure). */
export function loadCatalog(locale: Locale, part: CatalogPart = 'site'): Promise<void> {
  wanted.add(part);
  const key = `${locale}:${part}`;
  let promise = loading.get(key);
  if (!promise) {
    // A section adds its part before it asks for it.
    promise = catalogLoaders[locale][part]!().then(
      (texts) => {
        Object.assign(catalogs[locale], texts);
      },
      (error: unknown) => {
        loading.delete(key);
        throw error;
      },
    );
    loading.set(key, promise);
  }
  return promise;
}

/** The pages' texts in the current language: the router loads them with a page's code. */
export async function loadPageTexts(): Promise<void> {
  await Promise.all([loadCatalog(getLocale(), 'pages'), loadHomeTexts()]);
}

/** The home page's later sections' texts in the current language, loaded with them. */
export function loadHomeTexts(): Promise<void> {
  return loadCatalog(getLocale(), 'home');
}

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

/**
 * Switches the UI language once its texts are loaded (the same parts as the current language's),
 * and resolves then. If they can't be loaded, it rejects and the page stays as it is.
 */
export async function changeLocale(locale: Locale): Promise<void> {
  const parts: CatalogPart[] = wanted.size > 0 ? [...wanted] : ['site'];
  await Promise.all(parts.map((part) => loadCatalog(locale, part)));
  setLocale(locale);
}

/** Switches the UI language at once: its texts must be loaded (`changeLocale` loads them). */
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

const reported = new Set<string>();

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[locale][key];
  if (template === undefined) {
    // A text asked for before its part was loaded (a bug: the first load uses a page's text), or
    // after its file failed to load. The key is shown rather than nothing.
    if (!reported.has(key)) console.error(`i18n: no ${locale} text loaded for "${key}"`);
    reported.add(key);
    return key;
  }
  return formatMessage(template, params);
}

export function useI18n() {
  const locale = useSyncExternalStore(subscribe, getLocale, getLocale);
  const t = useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);
  return useMemo(() => ({ locale, changeLocale, t }), [locale, t]);
}
