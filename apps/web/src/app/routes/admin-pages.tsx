import { Suspense } from 'react';
import { Loading } from '../../components/loading';
import { loadAdminTexts } from '../../features/admin/admin-texts';
import { lazyComponent } from '../../lib/lazy-component';

// The section's code and its texts, fetched together: the router, in the first load, knows only
// this small file, not the section's chunks and styles.
const AdminSection = lazyComponent(async () => {
  const [module] = await Promise.all([import('./admin-section'), loadAdminTexts()]);
  return module.AdminSection;
});

/**
 * The admin section under `/admin/`, one entry in the router: none of it (pages, texts, styles)
 * is loaded by a visit to the public site.
 */
export function AdminPages() {
  return (
    <Suspense fallback={<Loading />}>
      <AdminSection />
    </Suspense>
  );
}
