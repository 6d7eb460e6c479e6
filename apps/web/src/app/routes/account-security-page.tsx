import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { useMe } from '../../lib/api/get-me';
import { DeleteAccount } from '../../features/account/components/delete-account';
import { EmailForm } from '../../features/account/components/email-form';
import { PasswordForm } from '../../features/account/components/password-form';
import { PhoneForm } from '../../features/account/components/phone-form';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AccountSecurityPage() {
  const { t } = useI18n();
  useDocumentTitle(t('account.security.title'));
  const me = useMe();

  return (
    <>
      <h1 className="h3 mb-3">{t('account.security.title')}</h1>
      {me.data ? (
        <>
          <PasswordForm />
          <EmailForm me={me.data} />
          <PhoneForm me={me.data} />
          <DeleteAccount />
        </>
      ) : me.isError ? (
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <Loading />
      )}
    </>
  );
}
