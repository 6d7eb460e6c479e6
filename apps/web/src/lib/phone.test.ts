import { describe, expect, it } from 'vitest';
import {
  accountFieldError,
  formatPhone,
  normalizeAccount,
  phoneFromE164,
  phoneToE164,
} from './phone';

describe('phone numbers', () => {
  it('reads a national number in the chosen country as E.164', () => {
    expect(phoneToE164({ country: 'CN', number: '138 0013 8000' })).toBe('+8613800138000');
    expect(phoneToE164({ country: 'GB', number: '07400 123456' })).toBe('+447400123456');
  });

  it('takes any +code with "other", and a typed +code over the country', () => {
    expect(phoneToE164({ country: 'other', number: '+49 1512 3456789' })).toBe('+4915123456789');
    expect(phoneToE164({ country: 'US', number: '+86 138 0013 8000' })).toBe('+8613800138000');
  });

  it('refuses what is not a phone number', () => {
    expect(phoneToE164({ country: 'CN', number: '12345' })).toBeNull();
    expect(phoneToE164({ country: 'other', number: '138 0013 8000' })).toBeNull();
    expect(phoneToE164({ country: 'CN', number: '' })).toBeNull();
  });

  it('tidies a valid number and leaves a bad one as typed', () => {
    expect(formatPhone({ country: 'CN', number: '13800138000' })).toEqual({
      country: 'CN',
      number: '138 0013 8000',
    });
    expect(formatPhone({ country: 'CN', number: '1380' })).toEqual({
      country: 'CN',
      number: '1380',
    });
  });

  it('puts an E.164 number back into the picker', () => {
    expect(phoneFromE164('+8613800138000', 'en')).toEqual({
      country: 'CN',
      number: '138 0013 8000',
    });
    expect(phoneFromE164('+4915123456789', 'en')).toEqual({
      country: 'DE',
      number: '01512 3456789',
    });
    expect(phoneFromE164(null, 'zh-CN')).toEqual({ country: 'CN', number: '' });
  });

  it('sends an account typed as a local phone in E.164, and an email as it is', () => {
    expect(normalizeAccount('138 0013 8000', 'zh-CN')).toBe('+8613800138000');
    expect(normalizeAccount(' +86 138-0013-8000 ', 'en')).toBe('+8613800138000');
    expect(normalizeAccount('Lily@Example.com', 'zh-CN')).toBe('Lily@Example.com');
    expect(normalizeAccount('12', 'zh-CN')).toBe('12');
  });

  it("says when an account typed as a phone cannot be read in the reader's country", () => {
    expect(accountFieldError('13973373854', 'zh-CN')).toBeNull();
    expect(accountFieldError('(201) 555-0123', 'en')).toBeNull();
    expect(accountFieldError('+86 139 7337 3854', 'en')).toBeNull();
    expect(accountFieldError('lily@example.com', 'en')).toBeNull();
    expect(accountFieldError('', 'en')).toBeNull();
    // A Chinese mobile read as a US number, a number too short, a +code that reads as nothing.
    for (const account of ['13973373854', '12', '+999 123']) {
      expect(accountFieldError(account, 'en')).toEqual({ account: 'phoneUnreadable' });
    }
  });
});
