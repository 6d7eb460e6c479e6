import { LoginSmsBody } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { SubmitButton } from '../../../components/submit-button';
import { ApiError } from '../../../lib/api-client';
import { apiFieldErrors, validate } from '../../../lib/form-errors';
import type { FieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useLoginSms } from '../api/login-sms';
import { emptyPhone, phoneToE164 } from '../phone';
import type { PhoneValue } from '../phone';
import { RememberMe } from './password-login-form';
import { PhoneField } from './phone-field';
import { SmsCodeField } from './sms-code-field';

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
    const checked = validate(LoginSmsBody, {
      phone: e164 ?? phone.number,
      code,
      remember,
      oauthTicket,
    });
    const found = { ...checked.errors, ...(!e164 && { phone: 'phoneInvalid' }) };
    setErrors(found);
    if (!checked.data || Object.keys(found).length > 0) return;
    setFailure(null);
    login.mutate(checked.data, {
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
    <form onSubmit={submit} noValidate data-testid="sms-login-form">
      <FormAlert>{failure}</FormAlert>
      <PhoneField label={t('phone.label')} value={phone} onChange={setPhone} error={errors.phone} />
      <SmsCodeField
        purpose="login"
        phone={checkedPhone}
        code={code}
        onCodeChange={setCode}
        error={errors.code}
        onFieldErrors={(found) => setErrors((current) => ({ ...current, ...found }))}
      />
      <RememberMe checked={remember} onChange={setRemember} />
      <SubmitButton busy={login.isPending}>{t('login.submit')}</SubmitButton>
    </form>
  );
}
