import { LOCALES } from '@folio/schema';
import { useId } from 'react';
import { LOCALE_NAMES, useI18n } from '../../lib/i18n';

export function LanguageSwitch() {
  const { locale, changeLocale, t } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('nav.language')}
      </label>
      <select
        id={id}
        className="form-select form-select-sm w-auto"
        value={locale}
        data-testid="language-switch"
        onChange={(event) => {
          const next = LOCALES.find((option) => option === event.target.value);
          if (next) changeLocale(next).catch((error: unknown) => console.error(error));
        }}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </>
  );
}
