import { RegisterPhoneBody } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { NewPasswordField, NicknameField } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useRegisterPhone } from '../api/register-phone';
import { checkPhone, emptyPhone, phoneFieldError, phoneToE164 } from '../../../lib/phone';
import type { PhoneValue } from '../../../lib/phone';
import { PhoneField } from '../../../components/phone-field';
import { SmsCodeField } from '../../../components/sms-code-field';

interface PhoneRegisterFormProps {
  oauthTicket?: string;
  onRegistered: (nickname: string) => void;
}

export function PhoneRegisterForm({ oauthTicket, onRegistered }: PhoneRegisterFormProps) {
  const { t, locale } = useI18n();
  const register = useRegisterPhone(({ user }) => onRegistered(user.nickname));
  const [phone, setPhone] = useState<PhoneValue>(() => emptyPhone(locale));
  const [code, setCode] = useState('');
  const [nickname, setNickname] = useState('');
  const [password, setPassword] = useState('');
  const { errors, setFieldErrors, failure, check, onApiError } = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    const e164 = phoneToE164(phone);
    const data = check(
      RegisterPhoneBody,
      {
        phone: e164 ?? phone.number,
        code,
        nickname,
        password,
        oauthTicket,
      },
      phoneFieldError(e164),
    );
    if (!data) return;
    register.mutate(data, { onError: onApiError });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="phone-register-form">
      <FormAlert>{failure}</FormAlert>
      <PhoneField label={t('phone.label')} value={phone} onChange={setPhone} error={errors.phone} />
      <SmsCodeField
        purpose="register"
        phone={() => checkPhone(phone, setFieldErrors)}
        code={code}
        onCodeChange={setCode}
        error={errors.code}
        onFieldErrors={setFieldErrors}
      />
      <NicknameField value={nickname} onValueChange={setNickname} error={errors.nickname} />
      <NewPasswordField
        label={t('register.password')}
        value={password}
        onValueChange={setPassword}
        error={errors.password}
      />
      <SubmitButton busy={register.isPending}>{t('register.submit')}</SubmitButton>
    </form>
  );
}
