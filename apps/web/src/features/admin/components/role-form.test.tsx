import { PERMISSIONS } from '@folio/schema';
import type { Permission, Role } from '@folio/schema';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../lib/i18n';
import { logInAsStaff, role } from '../../../test/admin';
import { fail, fakeApi, ok } from '../../../test/fake-api';
import { renderRoute } from '../../../test/render-route';
import { RoleForm } from './role-form';

const viewer: Permission[] = ['roles.manage', 'users.read', 'stats.read'];

function renderForm(editing?: Role, onSaved = vi.fn()) {
  renderRoute(
    [
      {
        path: '/',
        element: <RoleForm role={editing} viewerPermissions={viewer} onSaved={onSaved} />,
      },
    ],
    '/',
  );
  return onSaved;
}

const box = (label: string) => screen.getByRole('checkbox', { name: label });
const errorOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!);

describe('<RoleForm>', () => {
  let user: ReturnType<typeof logInAsStaff>;

  beforeEach(() => {
    setLocale('en');
    user = logInAsStaff(viewer);
  });

  it('offers every permission by its name, and only those the viewer holds to grant', () => {
    fakeApi({});
    renderForm();
    expect(screen.getAllByRole('checkbox')).toHaveLength(PERMISSIONS.length);
    for (const label of ['Manage roles', 'View users', 'View statistics']) {
      expect(box(label)).toBeEnabled();
    }
    for (const label of ['Manage users', 'Moderate content', 'Site settings', 'Export data']) {
      expect(box(label)).toBeDisabled();
      expect(box(label)).toHaveAccessibleDescription(
        'You do not hold it, so you cannot change it here.',
      );
    }
    expect(box('View users')).not.toHaveAccessibleDescription();
  });

  it('checks the name before sending anything', async () => {
    const api = fakeApi({});
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Create role' }));
    expect(await screen.findByText('A role name is 1 to 50 characters.')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
    expect(api.requests).toHaveLength(0);
  });

  it("shows the API's field errors under their fields, and keeps the form", async () => {
    const api = fakeApi({
      'POST /admin/roles': [
        fail(422, 'VALIDATION_FAILED', 'Some fields are not valid.', {
          name: 'roleNameTaken',
          description: 'A role description is at most 200 characters.',
        }),
        fail(403, 'FORBIDDEN', 'You may not do this.', {
          permissions: 'You can only grant permissions you hold yourself.',
        }),
      ],
    });
    const onSaved = renderForm();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '  Editors ' } });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Edit things' } });
    fireEvent.click(box('View users'));
    fireEvent.click(box('View statistics'));
    fireEvent.click(screen.getByRole('button', { name: 'Create role' }));

    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(errorOf(name)).toHaveTextContent('Another role has this name.');
    expect(errorOf(screen.getByLabelText('Description'))).toHaveTextContent(
      'A role description is at most 200 characters.',
    );
    expect(api.calls('POST /admin/roles')[0]?.body).toEqual({
      name: 'Editors',
      description: 'Edit things',
      permissions: ['users.read', 'stats.read'],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Create role' }));
    const permissions = await screen.findByRole('group', { name: 'Permissions' });
    await waitFor(() =>
      expect(permissions).toHaveAccessibleDescription(
        'You can only grant permissions you hold yourself.',
      ),
    );
    // Field errors are not also toasts.
    expect(screen.queryByText('You may not do this.')).toBeNull();
    expect(name).not.toHaveAttribute('aria-invalid');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("says what the API refused when it is about no field (409), in the API's words", async () => {
    const editing = role(3, 'Managers', ['roles.manage'], 1);
    fakeApi({
      'PATCH /admin/roles/3': fail(
        409,
        'CONFLICT',
        'Someone active must keep the permission to manage roles.',
      ),
    });
    const onSaved = renderForm(editing);
    fireEvent.click(box('Manage roles'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Someone active must keep the permission to manage roles.'),
    ).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends only what changed, keeping a permission the editor cannot touch as it was', async () => {
    const editing = {
      ...role(4, 'Support', ['users.read', 'users.write'], 2),
      description: 'Help',
    };
    const saved = { ...editing, name: 'Helpdesk' };
    const api = fakeApi({ 'PATCH /admin/roles/4': ok(saved), 'GET /me': ok(user) });
    const onSaved = renderForm(editing);
    expect(box('Manage users')).toBeChecked();
    expect(box('Manage users')).toBeDisabled();

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Helpdesk' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The role “Helpdesk” is saved.')).toBeInTheDocument();
    expect(api.calls('PATCH /admin/roles/4')[0]?.body).toEqual({ name: 'Helpdesk' });
    expect(onSaved).toHaveBeenCalledWith(saved);

    fireEvent.click(box('View users'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls('PATCH /admin/roles/4')).toHaveLength(2));
    expect(api.calls('PATCH /admin/roles/4')[1]?.body).toEqual({
      name: 'Helpdesk',
      permissions: ['users.write'],
    });
  });

  it('speaks Chinese, permissions and hints included', () => {
    setLocale('zh-CN');
    fakeApi({});
    renderForm();
    expect(screen.getByRole('checkbox', { name: '管理角色' })).toBeEnabled();
    expect(screen.getByRole('checkbox', { name: '导出数据' })).toHaveAccessibleDescription(
      '你自己没有这项权限，因此不能在这里更改。',
    );
    expect(screen.getByRole('button', { name: '创建角色' })).toBeInTheDocument();
  });
});
