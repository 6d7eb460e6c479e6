import { RegisterEmailBody } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { NewPasswordField, NicknameField, TextField } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
import { ApiError } from '../../../lib/api-client';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCaptcha } from '../../../lib/api/get-captcha';
import { useRegisterEmail } from '../api/register-email';
import { CaptchaField } from '../../../components/captcha-field';

interface EmailRegisterFormProps {
  oauthTicket?: string;
  /** The account waits for its link: the page says where it went. */
  onAccepted: (email: string) => void;
}

export function EmailRegisterForm({ oauthTicket, onAccepted }: EmailRegisterFormProps) {
  const { t } = useI18n();
  const register = useRegisterEmail();
  const captcha = useCaptcha('register-email');
  const [email, setEmail] = useState('');
  const [nickname, setNickname] = useState('');
  const [password, setPassword] = useState('');
  const [captchaText, setCaptchaText] = useState('');
  const { errors, failure, check, showApiError } = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = check(RegisterEmailBody, {
      email,
      nickname,
      password,
      captchaId: captcha.data?.id ?? '',
      captchaText,
      oauthTicket,
    });
    if (!data) return;
    register.mutate(data, {
      onSuccess: () => onAccepted(data.email),
      onError: (error) => {
        const fields = apiFieldErrors(error);
        if (error instanceof ApiError && error.code === 'CAPTCHA_INVALID') {
          fields.captchaText ??= 'captchaWrong';
        }
        showApiError(error, fields);
      },
      onSettled: () => {
        setCaptchaText('');
        void captcha.refetch();
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="email-register-form">
      <FormAlert>{failure}</FormAlert>
      <TextField
        label={t('register.email')}
        name="email"
        type="email"
        value={email}
        onValueChange={setEmail}
        error={errors.email}
        autoComplete="email"
      />
      <NicknameField value={nickname} onValueChange={setNickname} error={errors.nickname} />
      <NewPasswordField
        label={t('register.password')}
        value={password}
        onValueChange={setPassword}
        error={errors.password}
      />
      <CaptchaField
        captcha={captcha}
        value={captchaText}
        onChange={setCaptchaText}
        error={errors.captchaText}
      />
      <SubmitButton busy={register.isPending}>{t('register.submit')}</SubmitButton>
    </form>
  );
}
