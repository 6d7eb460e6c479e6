import { ResetPasswordBody } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { NewPasswordField } from '../../components/form-field';
import { SubmitButton } from '../../components/submit-button';
import { useToast } from '../../components/toast-context';
import { useResetPassword } from '../../features/auth/api/reset-password';
import { AuthCard } from '../../features/auth/components/auth-card';
import { PhoneField } from '../../components/phone-field';
import { SMS_COOLDOWN_SECONDS, SmsCodeField } from '../../components/sms-code-field';
import { checkPhone, phoneFieldError, phoneFromE164, phoneToE164 } from '../../lib/phone';
import type { PhoneValue } from '../../lib/phone';
import { ApiError } from '../../lib/api-client';
import { apiFieldErrors } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useFormErrors } from '../../lib/use-form-errors';

/** A new password, with the emailed link's token or with a phone and its SMS code. */
export function ResetPasswordPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('reset.title'));
  const toast = useToast();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const token = search.get('token');
  const reset = useResetPassword();
  const [phone, setPhone] = useState<PhoneValue>(() => phoneFromE164(search.get('phone'), locale));
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const { errors, setErrors, setFieldErrors, check } = useFormErrors();
  const [failure, setFailure] = useState<ApiError | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const e164 = token ? null : phoneToE164(phone);
    const data = check(
      ResetPasswordBody,
      token ? { token, password } : { phone: e164 ?? phone.number, code, password },
      token ? undefined : phoneFieldError(e164),
    );
    if (!data) return;
    setFailure(null);
    reset.mutate(data, {
      onSuccess: () => {
        toast.show({ kind: 'success', text: t('reset.done') });
        navigate('/login', { replace: true });
      },
      onError: (error) => {
        const fields = apiFieldErrors(error);
        delete fields.token;
        setErrors(fields);
        if (Object.keys(fields).length === 0 && error instanceof ApiError) setFailure(error);
        if (!(error instanceof ApiError)) {
          toast.show({ kind: 'danger', text: t('error.unexpected') });
        }
      },
    });
  }

  return (
    <AuthCard title={t('reset.title')} footer={<Link to="/login">{t('forgot.backToLogin')}</Link>}>
      <FormAlert>
        {failure && (
          <>
            {failure.message}
            {failure.code === 'TOKEN_INVALID' && (
              <>
                {' '}
                <Link to="/forgot-password" className="alert-link">
                  {t('reset.askAgain')}
                </Link>
              </>
            )}
          </>
        )}
      </FormAlert>
      <form onSubmit={submit} noValidate data-testid="reset-password-form">
        {!token && (
          <>
            <p className="text-body-secondary">{t('reset.phoneIntro')}</p>
            <PhoneField
              label={t('phone.label')}
              value={phone}
              onChange={setPhone}
              error={errors.phone}
            />
            <SmsCodeField
              purpose="reset"
              phone={() => checkPhone(phone, setFieldErrors)}
              code={code}
              onCodeChange={setCode}
              error={errors.code}
              onFieldErrors={setFieldErrors}
              initialCooldown={search.get('sent') ? SMS_COOLDOWN_SECONDS : 0}
            />
          </>
        )}
        <NewPasswordField
          label={t('reset.password')}
          value={password}
          onValueChange={setPassword}
          error={errors.password}
        />
        <SubmitButton busy={reset.isPending}>{t('reset.submit')}</SubmitButton>
      </form>
    </AuthCard>
  );
}
