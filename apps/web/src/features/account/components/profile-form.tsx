import { LOCALES, UpdateMeBody } from '@folio/schema';
import type { Locale, Me } from '@folio/schema';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { FieldError, NicknameField, TextField } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
import { useToast } from '../../../components/toast-context';
import { changeLocale, LOCALE_NAMES, translate, useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateMe } from '../api/update-me';

/** Nickname, birthday and the language Folio writes to the person in. */
export function ProfileForm({ me }: { me: Me }) {
  const { t, locale: uiLocale } = useI18n();
  const toast = useToast();
  const update = useUpdateMe();
  const localeId = useId();
  const [nickname, setNickname] = useState(me.nickname);
  const [birthday, setBirthday] = useState(me.birthday ?? '');
  const [locale, setPreferredLocale] = useState<Locale>(me.locale);
  const { errors, check, onApiError } = useFormErrors((text) =>
    toast.show({ kind: 'danger', text }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = check(UpdateMeBody, { nickname, birthday: birthday || null, locale });
    if (!data) return;
    update.mutate(data, {
      onSuccess: async (saved) => {
        // The language chosen for mail is the one the person reads the site in, too.
        const switched = saved.locale !== uiLocale && saved.locale !== me.locale;
        if (switched) await changeLocale(saved.locale).catch(() => undefined);
        // `t` is the language of the moment the form was sent: the toast speaks the new one.
        const text = translate(switched ? saved.locale : uiLocale, 'account.profile.saved');
        toast.show({ kind: 'success', text });
      },
      onError: onApiError,
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="profile-form">
      <NicknameField value={nickname} onValueChange={setNickname} error={errors.nickname} />
      <TextField
        label={t('account.profile.birthday')}
        name="birthday"
        type="date"
        value={birthday}
        onValueChange={setBirthday}
        error={errors.birthday}
        max={new Date().toISOString().slice(0, 10)}
        min="1900-01-01"
      />
      <div className="mb-3">
        <label htmlFor={localeId} className="form-label">
          {t('account.profile.locale')}
        </label>
        <select
          id={localeId}
          className={`form-select ${errors.locale ? 'is-invalid' : ''}`}
          value={locale}
          onChange={(event) => {
            const next = LOCALES.find((option) => option === event.target.value);
            if (next) setPreferredLocale(next);
          }}
        >
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {LOCALE_NAMES[option]}
            </option>
          ))}
        </select>
        <FieldError message={errors.locale} />
        <div className="form-text">{t('account.profile.localeHint')}</div>
      </div>
      <SubmitButton busy={update.isPending} className="btn btn-primary">
        {t('common.save')}
      </SubmitButton>
    </form>
  );
}
