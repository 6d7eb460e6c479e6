import { PERMISSIONS } from '@folio/schema';
import type { Permission } from '@folio/schema';
import { useI18n } from '../../../lib/i18n';

/** A role's permissions by their names for people, in the order the schema lists them. */
export function PermissionBadges({ permissions }: { permissions: readonly Permission[] }) {
  const { t } = useI18n();
  const held = PERMISSIONS.filter((permission) => permissions.includes(permission));
  if (held.length === 0) {
    return <span className="text-body-secondary">{t('admin.roles.noPermissions')}</span>;
  }
  return (
    <ul className="list-unstyled d-flex flex-wrap gap-1 mb-0">
      {held.map((permission) => (
        <li key={permission}>
          <span className="badge text-bg-light border" title={permission}>
            {t(`admin.permission.${permission}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}
