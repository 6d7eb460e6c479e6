import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { useSettings, useSettingsDefaults } from '../../features/admin/api/get-settings';
import { AdminHeader } from '../../features/admin/components/admin-header';
import { SectionNoAccess } from '../../features/admin/components/require-permission';
import { SettingsForm } from '../../features/admin/components/settings-form';
import { ApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The site's settings as they apply now, in a form that saves what it changed. */
export function AdminSettingsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.settings.title'));
  const settings = useSettings();
  const defaults = useSettingsDefaults();

  if (settings.error instanceof ApiError && settings.error.status === 403) {
    return <SectionNoAccess permission="system.settings" />;
  }
  return (
    <>
      <AdminHeader
        trail={[{ label: t('admin.settings.title') }]}
        title={t('admin.settings.title')}
      />
      <p className="text-body-secondary">{t('admin.settings.intro')}</p>
      {settings.isPending ? (
        <Loading />
      ) : settings.data ? (
        <SettingsForm settings={settings.data} defaults={defaults.data} />
      ) : (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      )}
    </>
  );
}
