import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { Loading } from '../../components/loading';
import { useConfirmEmail } from '../../features/account/api/confirm-email';
import { AuthCard } from '../../features/auth/components/auth-card';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Follows the link sent to a new email address: the account's email becomes that one. */
export function ConfirmEmailPage() {
  const { t } = useI18n();
  useDocumentTitle(t('confirmEmail.title'));
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const confirm = useConfirmEmail();
  const { mutate: confirmToken } = confirm;
  const asked = useRef<string | null>(null);

  useEffect(() => {
    if (!token || asked.current === token) return;
    asked.current = token;
    confirmToken(token);
  }, [token, confirmToken]);

  return (
    <AuthCard title={t('confirmEmail.title')}>
      {confirm.isSuccess ? (
        <div data-testid="confirm-email-success">
          <FormAlert kind="success">
            {t('confirmEmail.success', { email: confirm.data.email })}
          </FormAlert>
          <Link to="/account/security" className="btn btn-primary w-100">
            {t('confirmEmail.toSecurity')}
          </Link>
        </div>
      ) : confirm.isError || !token ? (
        <div data-testid="confirm-email-failed">
          <FormAlert>
            {confirm.error instanceof ApiError ? confirm.error.message : t('verify.failed')}
          </FormAlert>
          <Link to="/account/security" className="btn btn-outline-primary w-100">
            {t('confirmEmail.tryAgain')}
          </Link>
        </div>
      ) : (
        <Loading label={t('verify.checking')} />
      )}
    </AuthCard>
  );
}
