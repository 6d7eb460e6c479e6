import type { Locale } from '@folio/schema';
import type { Translate } from '../../lib/i18n';

/** "5 min read" / "5 分钟阅读". */
export function readingTimeText(t: Translate, locale: Locale, minutes: number): string {
  return t('blog.readingTime', { minutes: new Intl.NumberFormat(locale).format(minutes) });
}
