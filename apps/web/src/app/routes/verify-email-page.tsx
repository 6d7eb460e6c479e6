import { ResendVerificationBody } from '@folio/schema';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { SubmitButton } from '../../components/submit-button';
import { useToast } from '../../components/toast-context';
import { useResendVerification } from '../../features/auth/api/resend-verification';
import { useVerifyEmail } from '../../features/auth/api/verify-email';
import { AuthCard } from '../../features/auth/components/auth-card';
import { ApiError } from '../../lib/api-client';
import { apiFieldErrors } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useFormErrors } from '../../lib/use-form-errors';

/** Follows the link from the registration email: activates the account and logs in. */
export function VerifyEmailPage() {
  const { t } = useI18n();
  useDocumentTitle(t('verify.title'));
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const verify = useVerifyEmail();
  const { mutate: verifyToken } = verify;
  const asked = useRef<string | null>(null);

  useEffect(() => {
    // A link works once: ask once, even when a strict-mode remount runs the effect again.
    if (!token || asked.current === token) return;
    asked.current = token;
    verifyToken(token);
  }, [token, verifyToken]);

  return (
    <AuthCard title={t('verify.title')}>
      {verify.isSuccess ? (
        <div data-testid="verify-success">
          <FormAlert kind="success">
            {t('verify.success', { name: verify.data.user.nickname })}
          </FormAlert>
          <div className="d-grid gap-2">
            <Link to="/account" className="btn btn-primary">
              {t('verify.toAccount')}
            </Link>
            <Link to="/" className="btn btn-outline-secondary">
              {t('notFound.back')}
            </Link>
          </div>
        </div>
      ) : verify.isError || !token ? (
        <div data-testid="verify-failed">
          <FormAlert>
            {verify.error instanceof ApiError ? verify.error.message : t('verify.failed')}
          </FormAlert>
          <ResendForm />
        </div>
      ) : (
        <Loading label={t('verify.checking')} />
      )}
    </AuthCard>
  );
}

function ResendForm() {
  const { t } = useI18n();
  const toast = useToast();
  const resend = useResendVerification();
  const [email, setEmail] = useState('');
  const { errors, setErrors, check } = useFormErrors();

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = check(ResendVerificationBody, { email });
    if (!data) return;
    resend.mutate(data.email, {
      onSuccess: () => toast.show({ kind: 'success', text: t('verify.resent') }),
      onError: (error) => {
        setErrors(apiFieldErrors(error));
        toast.show({
          kind: 'danger',
          text: error instanceof ApiError ? error.message : t('error.unexpected'),
        });
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <p className="text-body-secondary">{t('verify.resendIntro')}</p>
      <TextField
        label={t('register.email')}
        name="email"
        type="email"
        value={email}
        onValueChange={setEmail}
        error={errors.email}
        autoComplete="email"
      />
      <SubmitButton busy={resend.isPending}>{t('verify.resend')}</SubmitButton>
    </form>
  );
}
