import { Outlet, Route, Routes } from 'react-router';
import { RequirePermission } from '../../features/admin/components/require-permission';
import { AdminLayout } from '../layouts/admin-layout';
import { AdminAuditPage } from './admin-audit-page';
import { AdminAuthorsPage } from './admin-authors-page';
import { AdminBlogsPage } from './admin-blogs-page';
import { AdminCommentsPage } from './admin-comments-page';
import { AdminEditRolePage } from './admin-edit-role-page';
import { AdminHomePage } from './admin-home-page';
import { AdminNewRolePage } from './admin-new-role-page';
import { AdminOutboxPage } from './admin-outbox-page';
import { AdminReportsPage } from './admin-reports-page';
import { AdminRolesPage } from './admin-roles-page';
import { AdminUserPage } from './admin-user-page';
import { AdminUsersPage } from './admin-users-page';
import { AdminSettingsPage } from './admin-settings-page';
import { NotFoundPage } from './not-found-page';

/** The admin section's pages, under its layout: the sidebar, and the guard of each section. */
export function AdminSection() {
  return (
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<AdminHomePage />} />
        <Route
          path="users"
          element={
            <RequirePermission permission="users.read">
              <Outlet />
            </RequirePermission>
          }
        >
          <Route index element={<AdminUsersPage />} />
          <Route path=":id" element={<AdminUserPage />} />
        </Route>
        <Route
          path="roles"
          element={
            <RequirePermission permission="roles.manage">
              <Outlet />
            </RequirePermission>
          }
        >
          <Route index element={<AdminRolesPage />} />
          <Route path="new" element={<AdminNewRolePage />} />
          <Route path=":id/edit" element={<AdminEditRolePage />} />
        </Route>
        <Route
          element={
            <RequirePermission permission="content.moderate">
              <Outlet />
            </RequirePermission>
          }
        >
          <Route path="blogs" element={<AdminBlogsPage />} />
          <Route path="comments" element={<AdminCommentsPage />} />
          <Route path="comments/reports" element={<AdminReportsPage />} />
          <Route path="authors" element={<AdminAuthorsPage />} />
        </Route>
        <Route
          path="audit"
          element={
            <RequirePermission permission="audit.read">
              <AdminAuditPage />
            </RequirePermission>
          }
        />
        <Route
          path="settings"
          element={
            <RequirePermission permission="system.settings">
              <AdminSettingsPage />
            </RequirePermission>
          }
        />
        <Route
          path="outbox"
          element={
            <RequirePermission permission="system.settings">
              <AdminOutboxPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
