import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A phone in E.164 (`+8613800138000`), or null when it is not a valid number anywhere. */
export function normalizePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim());
  return parsed?.isValid() ? parsed.number : null;
}

/** Whether an account string looks like a phone rather than an email. */
export function looksLikePhone(account: string): boolean {
  return account.trim().startsWith('+');
}
