import { ChangePhoneBody } from '@folio/schema';
import type { Me } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { SubmitButton } from '../../../components/submit-button';
import { useToast } from '../../../components/toast-context';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { PhoneField } from '../../../components/phone-field';
import { SmsCodeField } from '../../../components/sms-code-field';
import {
  checkPhone,
  emptyPhone,
  formatPhone,
  phoneFieldError,
  phoneToE164,
} from '../../../lib/phone';
import type { PhoneValue } from '../../../lib/phone';
import { useChangePhone } from '../api/change-phone';
import { SettingsCard } from './settings-card';

/** A new phone, proven by a code sent to it. */
export function PhoneForm({ me }: { me: Me }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const change = useChangePhone();
  const [phone, setPhone] = useState<PhoneValue>(() => emptyPhone(locale));
  const [code, setCode] = useState('');
  const { errors, setFieldErrors, check, onApiError } = useFormErrors((text) =>
    toast.show({ kind: 'danger', text }),
  );
  // Remounting the code field after a change draws a new captcha and stops its countdown.
  const [round, setRound] = useState(0);

  function submit(event: FormEvent) {
    event.preventDefault();
    const e164 = phoneToE164(phone);
    const data = check(
      ChangePhoneBody,
      { phone: e164 ?? phone.number, code },
      phoneFieldError(e164),
    );
    if (!data) return;
    change.mutate(data, {
      onSuccess: () => {
        setPhone(emptyPhone(locale));
        setCode('');
        setRound((value) => value + 1);
        toast.show({ kind: 'success', text: t('account.phone.saved') });
      },
      onError: onApiError,
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
          phone={() => checkPhone(phone, setFieldErrors)}
          code={code}
          onCodeChange={setCode}
          error={errors.code}
          onFieldErrors={setFieldErrors}
        />
        <SubmitButton busy={change.isPending} className="btn btn-primary">
          {t('account.phone.submit')}
        </SubmitButton>
      </form>
    </SettingsCard>
  );
}
