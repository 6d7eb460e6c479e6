import {
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js';
import { PHONE_COUNTRIES as OFFERED_COUNTRIES, type Locale } from '@folio/schema';
import type { FieldErrors } from './form-errors';

/** The countries offered first; anyone else picks "other" and types the full +code number. */
export const PHONE_COUNTRIES = OFFERED_COUNTRIES satisfies readonly CountryCode[];

export type PhoneCountry = (typeof PHONE_COUNTRIES)[number] | 'other';

export interface PhoneValue {
  country: PhoneCountry;
  /** As typed: a national number, or with "other" an international one ("+44 20 …"). */
  number: string;
}

export function callingCode(country: Exclude<PhoneCountry, 'other'>): string {
  return `+${getCountryCallingCode(country)}`;
}

export function defaultPhoneCountry(locale: Locale): PhoneCountry {
  return locale === 'zh-CN' ? 'CN' : 'US';
}

export function emptyPhone(locale: Locale): PhoneValue {
  return { country: defaultPhoneCountry(locale), number: '' };
}

function parse({ country, number }: PhoneValue) {
  const text = number.trim();
  if (!text) return undefined;
  // A number typed with its own +code wins over the country picked.
  return country === 'other' || text.startsWith('+')
    ? parsePhoneNumberFromString(text)
    : parsePhoneNumberFromString(text, country);
}

/** The number in E.164 (`+8613800138000`), or null when it is not a valid phone number. */
export function phoneToE164(value: PhoneValue): string | null {
  const parsed = parse(value);
  return parsed?.isValid() ? parsed.number : null;
}

/** The phone field's error to match `phoneToE164`'s answer: '' (none) when it found a number. */
export function phoneFieldError(e164: string | null): FieldErrors {
  return { phone: e164 ? '' : 'phoneInvalid' };
}

/** For the code field: the phone in E.164, or null with the phone field showing why. */
export function checkPhone(
  value: PhoneValue,
  setFieldErrors: (found: FieldErrors) => void,
): string | null {
  const e164 = phoneToE164(value);
  setFieldErrors(phoneFieldError(e164));
  return e164;
}

function display(parsed: PhoneNumber, keepOther: boolean): PhoneValue {
  const known = PHONE_COUNTRIES.find((country) => country === parsed.country);
  return known && !keepOther
    ? { country: known, number: parsed.formatNational() }
    : { country: 'other', number: parsed.formatInternational() };
}

/** Tidies a valid number the way its country writes it; leaves anything else as typed. */
export function formatPhone(value: PhoneValue): PhoneValue {
  const parsed = parse(value);
  return parsed?.isValid() ? display(parsed, value.country === 'other') : value;
}

/** A stored E.164 number back into the picker's form (for links that carry the phone). */
export function phoneFromE164(e164: string | null | undefined, locale: Locale): PhoneValue {
  const parsed = e164 ? parsePhoneNumberFromString(e164) : undefined;
  return parsed?.isValid() ? display(parsed, false) : emptyPhone(locale);
}

/** An account typed as a phone (digits, maybe a +code, no letters) rather than an email. */
const PHONE_LIKE = /^\+?[0-9 ()-]*[0-9][0-9 ()-]*$/;

/** A phone-like account read with its own +code, or else in the reader's usual country. */
function parseAccountPhone(text: string, locale: Locale) {
  const parsed = text.startsWith('+')
    ? parsePhoneNumberFromString(text)
    : parsePhoneNumberFromString(text, defaultPhoneCountry(locale) as CountryCode);
  return parsed?.isValid() ? parsed : undefined;
}

/**
 * An account as typed at login or recovery: an email stays as it is; a phone typed without its
 * +code is read in the reader's usual country and sent in E.164, the only form the API knows.
 */
export function normalizeAccount(account: string, locale: Locale): string {
  const text = account.trim();
  if (!PHONE_LIKE.test(text)) return text;
  return parseAccountPhone(text, locale)?.number ?? text;
}

/**
 * The account field's error when it looks like a phone number that can't be read (in the
 * reader's usual country, or with the +code typed): sent as it is, it could only fail as a
 * wrong account or password.
 */
export function accountFieldError(account: string, locale: Locale): FieldErrors | null {
  const text = account.trim();
  return PHONE_LIKE.test(text) && !parseAccountPhone(text, locale)
    ? { account: 'phoneUnreadable' }
    : null;
}
