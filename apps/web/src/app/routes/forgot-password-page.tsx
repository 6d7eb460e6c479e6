import { ForgotPasswordBody } from '@folio/schema';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { AccountField } from '../../components/form-field';
import { SubmitButton } from '../../components/submit-button';
import { useForgotPassword } from '../../features/auth/api/forgot-password';
import { AuthCard } from '../../features/auth/components/auth-card';
import { accountFieldError, normalizeAccount } from '../../lib/phone';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useFormErrors } from '../../lib/use-form-errors';

/** Asks for a reset link (email) or code (phone); the answer is the same whatever the account. */
export function ForgotPasswordPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t('forgot.title'));
  const navigate = useNavigate();
  const forgot = useForgotPassword();
  const [account, setAccount] = useState('');
  const { errors, failure, check, onApiError, setFieldErrors } = useFormErrors();
  const [sent, setSent] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = check(ForgotPasswordBody, { account: normalizeAccount(account, locale) });
    const unreadable = accountFieldError(account, locale);
    if (unreadable) setFieldErrors(unreadable);
    if (!data || unreadable) return;
    const target = data.account;
    forgot.mutate(target, {
      onSuccess: () => {
        // A phone gets a code by SMS, typed on the reset page; an email gets a link.
        if (target.startsWith('+')) {
          navigate(`/reset-password?phone=${encodeURIComponent(target)}&sent=1`);
        } else {
          setSent(true);
        }
      },
      onError: onApiError,
    });
  }

  return (
    <AuthCard title={t('forgot.title')} footer={<Link to="/login">{t('forgot.backToLogin')}</Link>}>
      {sent ? (
        <div data-testid="forgot-sent">
          <FormAlert kind="success">{t('forgot.sent', { account: account.trim() })}</FormAlert>
          <button type="button" className="btn btn-link px-0" onClick={() => setSent(false)}>
            {t('forgot.again')}
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <p className="text-body-secondary">{t('forgot.intro')}</p>
          <FormAlert>{failure}</FormAlert>
          <AccountField
            value={account}
            onValueChange={setAccount}
            error={errors.account}
            autoFocus
          />
          <SubmitButton busy={forgot.isPending}>{t('forgot.submit')}</SubmitButton>
        </form>
      )}
    </AuthCard>
  );
}
