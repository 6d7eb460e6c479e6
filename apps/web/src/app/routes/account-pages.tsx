import { Route, Routes } from 'react-router';
import { AccountLayout } from '../layouts/account-layout';
import { AccountConnectionsPage } from './account-connections-page';
import { AccountProfilePage } from './account-profile-page';
import { AccountSecurityPage } from './account-security-page';
import { AccountSessionsPage } from './account-sessions-page';
import { NotFoundPage } from './not-found-page';

/**
 * The account section under `/account/`, one entry in the router (whose code is in the first
 * load, at its budget) and one chunk: its layout and pages are small and open one after another.
 */
export function AccountPages() {
  return (
    <Routes>
      <Route element={<AccountLayout />}>
        <Route index element={<AccountProfilePage />} />
        <Route path="security" element={<AccountSecurityPage />} />
        <Route path="sessions" element={<AccountSessionsPage />} />
        <Route path="connections" element={<AccountConnectionsPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
