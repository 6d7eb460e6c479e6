import { useMe } from '../../lib/api/get-me';
import { AvatarUpload } from '../../features/account/components/avatar-upload';
import { ProfileForm } from '../../features/account/components/profile-form';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

export function AccountProfilePage() {
  const { t } = useI18n();
  useDocumentTitle(t('account.profile.title'));
  const me = useMe();

  return (
    <>
      <h1 className="h3 mb-3">{t('account.profile.title')}</h1>
      {me.data ? (
        <div className="card">
          <div className="card-body">
            <AvatarUpload me={me.data} />
            <hr className="my-4" />
            <ProfileForm me={me.data} />
          </div>
        </div>
      ) : me.isError ? (
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <Loading />
      )}
    </>
  );
}
