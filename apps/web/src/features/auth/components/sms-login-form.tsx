import { LoginSmsBody } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useLoginSms } from '../api/login-sms';
import { checkPhone, emptyPhone, phoneFieldError, phoneToE164 } from '../../../lib/phone';
import type { PhoneValue } from '../../../lib/phone';
import { RememberMe } from './password-login-form';
import { PhoneField } from '../../../components/phone-field';
import { SmsCodeField } from '../../../components/sms-code-field';

interface SmsLoginFormProps {
  oauthTicket?: string;
  onLoggedIn: (nickname: string) => void;
}

export function SmsLoginForm({ oauthTicket, onLoggedIn }: SmsLoginFormProps) {
  const { t, locale } = useI18n();
  const login = useLoginSms(({ user }) => onLoggedIn(user.nickname));
  const [phone, setPhone] = useState<PhoneValue>(() => emptyPhone(locale));
  const [code, setCode] = useState('');
  const [remember, setRemember] = useState(false);
  const { errors, setFieldErrors, failure, check, onApiError } = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    const e164 = phoneToE164(phone);
    const data = check(
      LoginSmsBody,
      {
        phone: e164 ?? phone.number,
        code,
        remember,
        oauthTicket,
      },
      phoneFieldError(e164),
    );
    if (!data) return;
    login.mutate(data, { onError: onApiError });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="sms-login-form">
      <FormAlert>{failure}</FormAlert>
      <PhoneField label={t('phone.label')} value={phone} onChange={setPhone} error={errors.phone} />
      <SmsCodeField
        purpose="login"
        phone={() => checkPhone(phone, setFieldErrors)}
        code={code}
        onCodeChange={setCode}
        error={errors.code}
        onFieldErrors={setFieldErrors}
      />
      <RememberMe checked={remember} onChange={setRemember} />
      <SubmitButton busy={login.isPending}>{t('login.submit')}</SubmitButton>
    </form>
  );
}
