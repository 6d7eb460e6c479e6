import { useCallback } from 'react';
import type { AdminMessageKey, MessageParams } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n';

type BaseOf<K> = K extends `${infer Base}.one` ? Base : never;
/** A text with a `.one` and an `.other` form ("1 user", "2 users"; 中文 has one form, twice). */
export type CountKey = BaseOf<AdminMessageKey>;

/**
 * A text about `count` things in the form the language uses for that number (Intl.PluralRules),
 * with `{count}` written as the language writes numbers.
 */
export function useCountText() {
  const { t, locale } = useI18n();
  return useCallback(
    (key: CountKey, count: number, params?: MessageParams) => {
      const form = new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
      return t(`${key}.${form}`, {
        ...params,
        count: new Intl.NumberFormat(locale).format(count),
      });
    },
    [t, locale],
  );
}
