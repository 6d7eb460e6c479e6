import { describe, expect, it, vi } from 'vitest';
import { changeLocale, getLocale, setLocale, translate } from './i18n';
import type { MessageKey } from './i18n';
import { en } from './messages/en';
import { enAdmin } from './messages/en-admin';
import { enPages } from './messages/en-pages';
import { zhCN } from './messages/zh-cn';
import { zhCNAdmin } from './messages/zh-cn-admin';
import { zhCNPages } from './messages/zh-cn-pages';

describe('i18n', () => {
  it('remembers the choice and sets <html lang>', () => {
    setLocale('zh-CN');
    expect(getLocale()).toBe('zh-CN');
    expect(localStorage.getItem('folio.locale')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');

    setLocale('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('fills in parameters', () => {
    expect(translate('en', 'pagination.page', { page: 3 })).toBe('Page 3');
    expect(translate('zh-CN', 'pagination.page', { page: 3 })).toBe('第 3 页');
  });

  it('translates every English string into Chinese, in the same part', () => {
    for (const [english, chinese] of [
      [en, zhCN],
      [enPages, zhCNPages],
      [enAdmin, zhCNAdmin],
    ] as [Record<string, string>, Record<string, string>][]) {
      for (const key of Object.keys(english)) expect(chinese[key], key).toBeTruthy();
      expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    }
    const shared = [
      ...Object.keys(en).filter((key) => key in enPages || key in enAdmin),
      ...Object.keys(enPages).filter((key) => key in enAdmin),
    ];
    expect(shared).toEqual([]);
  });

  it('switches language only once the texts are in, and says which text is missing', async () => {
    setLocale('en');
    await changeLocale('zh-CN');
    expect(getLocale()).toBe('zh-CN');
    expect(translate('zh-CN', 'nav.home')).toBe('首页');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(translate('en', 'no.such' as MessageKey)).toBe('no.such');
    expect(error).toHaveBeenCalledWith('i18n: no en text loaded for "no.such"');
  });
});
