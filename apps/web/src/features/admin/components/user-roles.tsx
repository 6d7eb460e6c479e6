import { PERMISSIONS } from '@folio/schema';
import type { AdminUserDetail, Permission, Role } from '@folio/schema';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Loading } from '../../../components/loading';
import { SubmitButton } from '../../../components/submit-button';
import { useToast } from '../../../components/toast-context';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { rolesQueryOptions } from '../api/get-roles';
import { useSetUserRoles } from '../api/set-user-roles';

interface UserRolesProps {
  user: Pick<AdminUserDetail, 'id' | 'nickname' | 'roles'>;
  /** The viewer holds roles.manage: the roles can be changed here. */
  canManage: boolean;
  viewerPermissions: readonly Permission[];
}

/** The roles the user holds and, for those who manage roles, a form to change them. */
export function UserRoles({ user, canManage, viewerPermissions }: UserRolesProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [editing, setEditing] = useState(false);
  return (
    <section className="card mb-4" aria-labelledby={titleId} data-testid="user-roles">
      <div className="card-body">
        <div className="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
          <h2 className="h5 card-title mb-0" id={titleId}>
            {t('admin.user.roles')}
          </h2>
          {canManage && !editing && (
            <button
              type="button"
              className="btn btn-sm btn-outline-primary"
              onClick={() => setEditing(true)}
            >
              {t('admin.user.roles.edit')}
            </button>
          )}
        </div>
        {editing ? (
          <RolesEditor
            user={user}
            viewerPermissions={viewerPermissions}
            onDone={() => setEditing(false)}
          />
        ) : user.roles.length === 0 ? (
          <p className="text-body-secondary mb-0">{t('admin.user.roles.none')}</p>
        ) : (
          <ul className="list-unstyled d-flex flex-wrap gap-1 mb-0" data-testid="user-role-list">
            {user.roles.map((role) => (
              <li key={role.id}>
                <span className="badge text-bg-light border fs-6 fw-normal">{role.name}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/**
 * The site's FormAlert, written out: importing it here would move it out of the public pages'
 * chunk into one of its own, and lengthen the first load's list of chunks.
 */
function Refusal({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-danger" role="alert">
      {children}
    </div>
  );
}

/** The API's word on a refused change, with what it says about the fields when that differs. */
function refusalOf(error: unknown, unexpected: string): string[] {
  if (!(error instanceof ApiError)) return [unexpected];
  const fields = Object.values(error.errors ?? {}).filter((text) => text !== error.message);
  return [error.message, ...new Set(fields)];
}

function RolesEditor({
  user,
  viewerPermissions,
  onDone,
}: Omit<UserRolesProps, 'canManage'> & { onDone: () => void }) {
  const { t, locale } = useI18n();
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const id = useId();
  const toast = useToast();
  const roles = useQuery(rolesQueryOptions());
  const save = useSetUserRoles();
  const [chosen, setChosen] = useState<number[]>(() => user.roles.map((role) => role.id));
  const [refusal, setRefusal] = useState<string[] | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    save.mutate(
      { userId: user.id, roleIds: chosen },
      {
        onSuccess: () => {
          toast.show({
            kind: 'success',
            text: t('admin.user.roles.saved', { name: user.nickname }),
          });
          onDone();
        },
        onError: (error) => setRefusal(refusalOf(error, t('error.unexpected'))),
      },
    );
  }

  if (roles.isPending) return <Loading />;
  if (!roles.data) {
    return (
      <Refusal>
        {roles.error instanceof ApiError ? roles.error.message : t('admin.user.roles.loadFailed')}
      </Refusal>
    );
  }

  const notHeld = (role: Role) =>
    PERMISSIONS.filter(
      (permission) =>
        role.permissions.includes(permission) && !viewerPermissions.includes(permission),
    );

  return (
    <form onSubmit={submit} noValidate data-testid="user-roles-form">
      {refusal && (
        <Refusal>
          {refusal.map((text) => (
            <div key={text}>{text}</div>
          ))}
        </Refusal>
      )}
      <fieldset className="mb-3">
        <legend className="form-label fs-6">
          {t('admin.user.roles.legend', { name: user.nickname })}
        </legend>
        {roles.data.items.map((role) => {
          const inputId = `${id}-${role.id}`;
          const missing = notHeld(role);
          return (
            <div key={role.id} className="form-check">
              <input
                id={inputId}
                type="checkbox"
                className="form-check-input"
                checked={chosen.includes(role.id)}
                aria-describedby={missing.length > 0 ? `${inputId}-hint` : undefined}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, role.id]
                      : current.filter((held) => held !== role.id),
                  )
                }
              />
              <label htmlFor={inputId} className="form-check-label">
                {role.name}
              </label>
              {missing.length > 0 && (
                <div id={`${inputId}-hint`} className="form-text mt-0">
                  {t('admin.user.roles.notHeld', {
                    permissions: list.format(
                      missing.map((permission) => t(`admin.permission.${permission}`)),
                    ),
                  })}
                </div>
              )}
            </div>
          );
        })}
      </fieldset>
      <div className="d-flex flex-wrap gap-2">
        <SubmitButton busy={save.isPending} className="btn btn-primary">
          {t('common.save')}
        </SubmitButton>
        <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
