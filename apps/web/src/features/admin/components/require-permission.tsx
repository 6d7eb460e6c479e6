import type { Permission } from '@folio/schema';
import type { ReactNode } from 'react';
import { Loading } from '../../../components/loading';
import { useMe } from '../../../lib/api/get-me';
import { useI18n } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { NoAccessState } from './no-access-state';

/**
 * A section of the admin section: shown to someone whose roles grant `permission`, else a
 * no-access state. The API refuses the section's calls all the same; this only spares the
 * person a page of errors.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const me = useMe();
  if (!me.data) return <Loading />;
  if (!me.data.permissions.includes(permission)) return <SectionNoAccess permission={permission} />;
  return children;
}

/** The section asked for (or its data: the API said 403) is not open to this person. */
export function SectionNoAccess({ permission }: { permission: Permission }) {
  const { t } = useI18n();
  useDocumentTitle(t('admin.noAccess.sectionTitle'));
  return (
    <NoAccessState
      title={t('admin.noAccess.sectionTitle')}
      text={t('admin.noAccess.sectionText', { permission: t(`admin.permission.${permission}`) })}
      backTo="/admin"
      backLabel={t('admin.noAccess.sectionBack')}
    />
  );
}
