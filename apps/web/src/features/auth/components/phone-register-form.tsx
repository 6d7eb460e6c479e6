import { RegisterPhoneBody } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { TextField } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
import { ApiError } from '../../../lib/api-client';
import { apiFieldErrors, validate } from '../../../lib/form-errors';
import type { FieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useRegisterPhone } from '../api/register-phone';
import { emptyPhone, phoneToE164 } from '../phone';
import type { PhoneValue } from '../phone';
import { PhoneField } from './phone-field';
import { SmsCodeField } from './sms-code-field';

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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  function checkedPhone() {
    const e164 = phoneToE164(phone);
    setErrors((current) => ({ ...current, phone: e164 ? '' : 'phoneInvalid' }));
    return e164;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const e164 = phoneToE164(phone);
    const checked = validate(RegisterPhoneBody, {
      phone: e164 ?? phone.number,
      code,
      nickname,
      password,
      oauthTicket,
    });
    const found = { ...checked.errors, ...(!e164 && { phone: 'phoneInvalid' }) };
    setErrors(found);
    if (!checked.data || Object.keys(found).length > 0) return;
    setFailure(null);
    register.mutate(checked.data, {
      onError: (error) => {
        const fields = apiFieldErrors(error);
        setErrors(fields);
        if (Object.keys(fields).length === 0) {
          setFailure(error instanceof ApiError ? error.message : t('error.unexpected'));
        }
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="phone-register-form">
      <FormAlert>{failure}</FormAlert>
      <PhoneField label={t('phone.label')} value={phone} onChange={setPhone} error={errors.phone} />
      <SmsCodeField
        purpose="register"
        phone={checkedPhone}
        code={code}
        onCodeChange={setCode}
        error={errors.code}
        onFieldErrors={(found) => setErrors((current) => ({ ...current, ...found }))}
      />
      <TextField
        label={t('register.nickname')}
        name="nickname"
        value={nickname}
        onValueChange={setNickname}
        error={errors.nickname}
        autoComplete="nickname"
        maxLength={32}
      />
      <TextField
        label={t('register.password')}
        name="password"
        type="password"
        value={password}
        onValueChange={setPassword}
        error={errors.password}
        autoComplete="new-password"
        hint={t('register.passwordHint')}
      />
      <SubmitButton busy={register.isPending}>{t('register.submit')}</SubmitButton>
    </form>
  );
}
