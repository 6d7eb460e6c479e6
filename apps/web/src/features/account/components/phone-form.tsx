import { ChangePhoneBody } from '@folio/schema';
import type { Me } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { SubmitButton } from '../../../components/submit-button';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { apiFieldErrors, validate } from '../../../lib/form-errors';
import type { FieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { PhoneField } from '../../auth/components/phone-field';
import { SmsCodeField } from '../../auth/components/sms-code-field';
import { emptyPhone, formatPhone, phoneToE164 } from '../../auth/phone';
import type { PhoneValue } from '../../auth/phone';
import { useChangePhone } from '../api/change-phone';
import { SettingsCard } from './settings-card';

/** A new phone, proven by a code sent to it. */
export function PhoneForm({ me }: { me: Me }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const change = useChangePhone();
  const [phone, setPhone] = useState<PhoneValue>(() => emptyPhone(locale));
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  // Remounting the code field after a change draws a new captcha and stops its countdown.
  const [round, setRound] = useState(0);

  function checkedPhone() {
    const e164 = phoneToE164(phone);
    setErrors((current) => ({ ...current, phone: e164 ? '' : 'phoneInvalid' }));
    return e164;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const e164 = phoneToE164(phone);
    const checked = validate(ChangePhoneBody, { phone: e164 ?? phone.number, code });
    const found = { ...checked.errors, ...(!e164 && { phone: 'phoneInvalid' }) };
    setErrors(found);
    if (!checked.data || Object.keys(found).length > 0) return;
    change.mutate(checked.data, {
      onSuccess: () => {
        setPhone(emptyPhone(locale));
        setCode('');
        setRound((value) => value + 1);
        toast.show({ kind: 'success', text: t('account.phone.saved') });
      },
      onError: (error) => {
        const fields = apiFieldErrors(error);
        setErrors(fields);
        if (Object.keys(fields).length === 0) {
          toast.show({
            kind: 'danger',
            text: error instanceof ApiError ? error.message : t('error.unexpected'),
          });
        }
      },
    });
  }

  const current = me.phone ? formatPhone({ country: 'other', number: me.phone }).number : null;

  return (
    <SettingsCard title={t('account.phone.title')} testId="phone-card">
      <p className="mb-3">
        {current ? (
          <>
            {t('account.phone.current')} <strong>{current}</strong>
          </>
        ) : (
          <span className="text-body-secondary">{t('account.phone.none')}</span>
        )}
      </p>
      <form onSubmit={submit} noValidate>
        <PhoneField
          label={t(me.phone ? 'account.phone.new' : 'account.phone.add')}
          value={phone}
          onChange={setPhone}
          error={errors.phone}
        />
        <SmsCodeField
          key={round}
          purpose="change-phone"
          phone={checkedPhone}
          code={code}
          onCodeChange={setCode}
          error={errors.code}
          onFieldErrors={(found) => setErrors((existing) => ({ ...existing, ...found }))}
        />
        <SubmitButton busy={change.isPending} className="btn btn-primary">
          {t('account.phone.submit')}
        </SubmitButton>
      </form>
    </SettingsCard>
  );
}
