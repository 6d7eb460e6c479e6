import { ERROR_MESSAGES, isErrorCode } from '@folio/schema';
import type { Locale } from '@folio/schema';
import { translate } from '../../lib/i18n';

/** The API sends people back with `?oauthError=<CODE>`; say it in their language. */
export function oauthErrorMessage(code: string, locale: Locale): string {
  return isErrorCode(code) ? ERROR_MESSAGES[code][locale] : translate(locale, 'oauth.failed');
}
