import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A phone in E.164 (`+8613800138000`), or null when it is not a valid number anywhere. */
export function normalizePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim());
  return parsed?.isValid() ? parsed.number : null;
}

/** Whether an account string looks like a phone rather than an email. */
export function looksLikePhone(account: string): boolean {
  return account.trim().startsWith('+');
}

/** The ISO 3166 country of an E.164 number (`+14165550123` is CA), or null for a non-geographic one. */
export function phoneCountry(e164: string): string | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** Whether libphonenumber knows a country code (`CN`, `GB`, ...). */
export function isPhoneCountry(code: string): boolean {
  return isSupportedCountry(code);
}
