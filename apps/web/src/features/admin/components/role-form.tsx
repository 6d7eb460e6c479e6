import { CreateRoleBody, LIMITS, PERMISSIONS } from '@folio/schema';
import type { CreateRole, Permission, Role, UpdateRole } from '@folio/schema';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { FieldError, TextField } from '../../../components/form-field';
import { SubmitButton } from '../../../components/submit-button';
import { useToast } from '../../../components/toast-context';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateRole } from '../api/create-role';
import { useUpdateRole } from '../api/update-role';

interface RoleFormProps {
  /** The role to edit; a new one without. */
  role?: Role;
  /** What the person filling the form holds: the API lets them grant only these. */
  viewerPermissions: readonly Permission[];
  onSaved: (role: Role) => void;
}

/** A role's name, description and permissions, checked with the API's own schema. */
export function RoleForm({ role, viewerPermissions, onSaved }: RoleFormProps) {
  const { t } = useI18n();
  const toast = useToast();
  const create = useCreateRole();
  const update = useUpdateRole();
  const descriptionId = useId();
  const permissionsId = useId();
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [permissions, setPermissions] = useState<Permission[]>(role?.permissions ?? []);
  const { errors, check, onApiError } = useFormErrors((text) =>
    toast.show({ kind: 'danger', text }),
  );

  function toggle(permission: Permission, on: boolean) {
    setPermissions((current) =>
      on ? [...current, permission] : current.filter((held) => held !== permission),
    );
  }

  function saved(result: Role) {
    const key = role ? 'admin.roles.saved' : 'admin.roles.created';
    toast.show({ kind: 'success', text: t(key, { name: result.name }) });
    onSaved(result);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const data = check(CreateRoleBody, { name, description, permissions });
    if (!data) return;
    if (!role) {
      create.mutate(data, { onSuccess: saved, onError: onApiError });
      return;
    }
    update.mutate(
      { id: role.id, body: changes(role, data) },
      { onSuccess: saved, onError: onApiError },
    );
  }

  const busy = create.isPending || update.isPending;
  return (
    <form onSubmit={submit} noValidate data-testid="role-form">
      <TextField
        label={t('admin.role.name')}
        name="name"
        value={name}
        onValueChange={setName}
        error={errors.name}
        maxLength={LIMITS.roleName}
        required
      />
      <div className="mb-3">
        <label htmlFor={descriptionId} className="form-label">
          {t('admin.role.description')}
        </label>
        <textarea
          id={descriptionId}
          name="description"
          className={`form-control ${errors.description ? 'is-invalid' : ''}`}
          rows={3}
          value={description}
          maxLength={LIMITS.roleDescription}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={
            errors.description
              ? `${descriptionId}-error ${descriptionId}-hint`
              : `${descriptionId}-hint`
          }
          onChange={(event) => setDescription(event.target.value)}
        />
        <FieldError id={`${descriptionId}-error`} message={errors.description} />
        <div id={`${descriptionId}-hint`} className="form-text">
          {t('admin.role.descriptionHint', { max: LIMITS.roleDescription })}
        </div>
      </div>
      <fieldset
        className="mb-4"
        aria-describedby={errors.permissions ? `${permissionsId}-error` : undefined}
      >
        <legend className="form-label fs-6">{t('admin.role.permissions')}</legend>
        {PERMISSIONS.map((permission) => {
          const id = `${permissionsId}-${permission}`;
          const grantable = viewerPermissions.includes(permission);
          return (
            <div key={permission} className="form-check">
              <input
                id={id}
                type="checkbox"
                className={`form-check-input ${errors.permissions ? 'is-invalid' : ''}`}
                checked={permissions.includes(permission)}
                disabled={!grantable}
                aria-describedby={grantable ? undefined : `${id}-hint`}
                onChange={(event) => toggle(permission, event.target.checked)}
              />
              <label htmlFor={id} className="form-check-label">
                {t(`admin.permission.${permission}`)}
              </label>
              {!grantable && (
                <div id={`${id}-hint`} className="form-text mt-0">
                  {t('admin.role.notHeld')}
                </div>
              )}
            </div>
          );
        })}
        <FieldError id={`${permissionsId}-error`} message={errors.permissions} />
      </fieldset>
      <div className="d-flex flex-wrap gap-2">
        <SubmitButton busy={busy} className="btn btn-primary">
          {role ? t('common.save') : t('admin.role.create')}
        </SubmitButton>
        <Link to="/admin/roles" className="btn btn-outline-secondary">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

/**
 * Only what the form changed: a permission the editor does not hold, kept on the role as it was,
 * is not sent back as though they were granting it.
 */
function changes(role: Role, data: CreateRole): UpdateRole {
  const body: UpdateRole = {};
  if (data.name !== role.name) body.name = data.name;
  if (data.description !== role.description) body.description = data.description;
  const same =
    data.permissions.length === role.permissions.length &&
    data.permissions.every((permission) => role.permissions.includes(permission));
  if (!same) body.permissions = data.permissions;
  return body;
}
