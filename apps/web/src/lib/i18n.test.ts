import { describe, expect, it } from 'vitest';
import { getLocale, setLocale, translate } from './i18n';
import { en } from './messages/en';
import { zhCN } from './messages/zh-cn';

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

  it('translates every English string into Chinese', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zhCN[key], key).toBeTruthy();
    }
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });
});
