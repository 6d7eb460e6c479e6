import { useId, useMemo } from 'react';
import { FieldError } from './form-field';
import { useI18n } from '../lib/i18n';
import { PHONE_COUNTRIES, callingCode, formatPhone } from '../lib/phone';
import type { PhoneCountry, PhoneValue } from '../lib/phone';

interface PhoneFieldProps {
  label: string;
  value: PhoneValue;
  onChange: (value: PhoneValue) => void;
  error?: string;
  autoFocus?: boolean;
}

/** A country code picker (a short list, or "other" to type any +code) and the number. */
export function PhoneField({ label, value, onChange, error, autoFocus }: PhoneFieldProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const errorId = `${id}-error`;
  const regionNames = useMemo(() => new Intl.DisplayNames([locale], { type: 'region' }), [locale]);

  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {/* Side by side where the country's full name fits, stacked on a phone; never cut short. */}
      <div className="row g-2">
        <div className="col-12 col-sm-auto">
          <select
            className="form-select phone-country"
            aria-label={t('phone.country')}
            value={value.country}
            onChange={(event) =>
              onChange({ ...value, country: event.target.value as PhoneCountry })
            }
            data-testid="phone-country"
          >
            {PHONE_COUNTRIES.map((country) => (
              <option key={country} value={country}>
                {`${regionNames.of(country) ?? country} ${callingCode(country)}`}
              </option>
            ))}
            <option value="other">{t('phone.otherCountry')}</option>
          </select>
        </div>
        <div className="col phone-field-number">
          <input
            id={id}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete={value.country === 'other' ? 'tel' : 'tel-national'}
            className={`form-control ${error ? 'is-invalid' : ''}`}
            placeholder={value.country === 'other' ? '+44 20 7946 0958' : undefined}
            value={value.number}
            onChange={(event) => onChange({ ...value, number: event.target.value })}
            onBlur={() => onChange(formatPhone(value))}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            autoFocus={autoFocus}
          />
        </div>
      </div>
      <FieldError id={errorId} message={error} />
      {value.country === 'other' && <div className="form-text">{t('phone.otherHint')}</div>}
    </div>
  );
}
